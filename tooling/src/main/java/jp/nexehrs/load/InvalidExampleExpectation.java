package jp.nexehrs.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code profiles/invalid/manifest.yaml}: a deliberately invalid example and the error the
 * validator must report for it.
 */
public record InvalidExampleExpectation(
        @JsonProperty(required = true) String file,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) Expect expect) {

    /** {@code message}: a part of the error message; {@code path}: optionally, the start of its FHIRPath. */
    public record Expect(@JsonProperty(required = true) String message, String path) {
        public Expect {
            path = path == null ? "" : path;
        }
    }
}
