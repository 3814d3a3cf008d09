/**
 * Foundation: findings (file, line, severity, message), their ordering, and
 * {@link jp.nexehrs.report.NexehrsException}, the one failure type that carries its exit code and file/line.
 */
package jp.nexehrs.report;
