/**
 * Stage 2, convert: {@link jp.nexehrs.convert.Converter#convert} takes the loaded {@link jp.nexehrs.load.Project}
 * and returns {@link jp.nexehrs.convert.Converted}: documents converted by Asciidoctor (with the {@code fhir:} and
 * {@code fhir-table::} macros), snapshots generated, dependencies' conformance registered.
 */
package jp.nexehrs.convert;
