/**
 * Stage 1, load: {@link jp.nexehrs.load.ProjectLoader#load} reads {@code nexehrs.yaml}, the documents, the FHIR
 * resources, the governance records and dependency packages of a project into a {@link jp.nexehrs.load.Project}.
 * The project's files are read here and nowhere else.
 */
package jp.nexehrs.load;
