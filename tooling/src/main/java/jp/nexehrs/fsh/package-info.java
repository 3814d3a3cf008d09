/**
 * Foundation: FHIR Shorthand sources. Where a project keeps them ({@link jp.nexehrs.fsh.FshFolders}), SUSHI run
 * offline in a folder of its own ({@link jp.nexehrs.fsh.Sushi}), its messages read back as findings
 * ({@link jp.nexehrs.fsh.SushiMessages}), and the index of FSH declarations ({@link jp.nexehrs.fsh.FshDeclarations})
 * that points a finding on a generated resource at the {@code .fsh} file and line it came from
 * ({@link jp.nexehrs.fsh.FshOrigins}). The convert stage puts them together; nothing here knows a stage.
 */
package jp.nexehrs.fsh;
