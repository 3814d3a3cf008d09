/**
 * Stage 1, load: {@link jp.nexehrs.load.ProjectLoader#load} reads {@code nexehrs.yaml}, the documents, the FHIR
 * resources, the governance records and dependency packages of a project into a {@link jp.nexehrs.load.Project}.
 * The site's URL scheme is decided here, once per project ({@link jp.nexehrs.load.PagePaths}).
 */
package jp.nexehrs.load;
