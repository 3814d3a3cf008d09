/**
 * The command line: thin picocli commands that parse options, run a flow ({@code pipeline}, {@code versions},
 * {@code serve}, {@code validation}, {@code ballot}) and map its outcome to an exit code. Every failure arrives as one
 * {@link jp.nexehrs.report.NexehrsException}, caught in {@code Runner}.
 */
package jp.nexehrs.cli;
