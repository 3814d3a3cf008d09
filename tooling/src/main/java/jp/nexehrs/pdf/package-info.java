/**
 * Stage 5 (optional), pdf: PDFs of the guidelines and the whole book with asciidoctor-pdf and embedded
 * Japanese fonts, returned as site files for the publish stage.
 */
package jp.nexehrs.pdf;
