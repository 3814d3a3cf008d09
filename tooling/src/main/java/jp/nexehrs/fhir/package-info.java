/**
 * Foundation: the FHIR engine (HAPI R4 context, parsers, the validation support chain), reading resources
 * strictly, and the memory machinery that lets parsed resources go and parse them again. Imports no stage. Its
 * reliance on HAPI internals is listed in tooling/HAPI-SEAMS.md.
 */
package jp.nexehrs.fhir;
