package jp.nexehrs.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code suppress:} in nexehrs.yaml: a warning the editors have looked at and accept, with the
 * reason the QA report shows. Errors cannot be suppressed.
 *
 * @param message a part of the finding's message (or its validator message id)
 * @param files   a glob over project-relative paths ({@code profiles/examples/Observation-*.json}); all files when empty
 * @param reason  why this is acceptable: required, shown in the QA report
 */
public record Suppression(@JsonProperty(required = true) String message, String files,
                          @JsonProperty(required = true) String reason) {
    public Suppression {
        files = files == null ? "" : files;
    }
}
