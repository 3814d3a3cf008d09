package jp.nexehrs.check;

import jp.nexehrs.report.Finding;

/** A warning the project accepts, and the reason given for it in nexehrs.yaml. */
public record SuppressedFinding(Finding finding, String reason) {}
