/**
 * Foundation: small helpers with no FHIR or stage knowledge (folders, the per-user cache folder, YAML with positions, parallel maps,
 * plurals, text positions). Imports no stage.
 */
package jp.nexehrs.util;
