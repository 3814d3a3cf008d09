/**
 * Foundation: small helpers with no FHIR or stage knowledge (folders, YAML with positions, parallel maps,
 * plurals, text positions). Imports no stage.
 */
package jp.nexehrs.util;
