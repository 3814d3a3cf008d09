package jp.nexehrs.convert;

import jp.nexehrs.load.ArtifactFragment;

/** An artifact page's intro or notes, converted: {@code document.htmlBody()} goes above or below the artifact's views. */
public record ConvertedFragment(ArtifactFragment fragment, ConvertedDocument document) {
}
