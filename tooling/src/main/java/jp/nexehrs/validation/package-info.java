/**
 * {@code nexehrs validate} with files: {@link jp.nexehrs.validation.ProjectFileValidation} checks files against a
 * project's profiles, {@link jp.nexehrs.validation.PackageValidation} against downloaded FHIR packages (implementers,
 * no project: .json, .xml and NDJSON exports, streamed, sharded with {@link jp.nexehrs.validation.Shard}, results kept by
 * {@link jp.nexehrs.validation.ResultCache}). The project's own examples are validated by the build ({@code pipeline},
 * goal VALIDATE).
 */
package jp.nexehrs.validation;
