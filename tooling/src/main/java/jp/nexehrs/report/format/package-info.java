/**
 * Foundation: findings written for people and tools: text, JSON, SARIF 2.1.0 and JUnit XML.
 */
package jp.nexehrs.report.format;
