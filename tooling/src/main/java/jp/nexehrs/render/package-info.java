/**
 * Foundation: profile element trees and tables (differential, snapshot, must-support, key elements) as HTML,
 * for the {@code fhir-table::} macro and the profile pages.
 */
package jp.nexehrs.render;
