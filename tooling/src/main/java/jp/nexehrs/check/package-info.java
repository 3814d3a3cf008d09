/**
 * Stage 3, check: {@link jp.nexehrs.check.Checker#check} takes {@link jp.nexehrs.convert.Converted} and returns
 * {@link jp.nexehrs.check.Checked}: every example validated, the conformance rules, links, accessibility, governance
 * and suppressions applied. Entry point: {@link jp.nexehrs.check.Checker}.
 */
package jp.nexehrs.check;
