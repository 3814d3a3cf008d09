/**
 * Stage 6, produce: {@link jp.nexehrs.produce.Producer#produce} makes the FHIR NPM package, the zips of definitions
 * and examples and the QA report, and returns {@link jp.nexehrs.produce.Products}: everything publish writes.
 */
package jp.nexehrs.produce;
