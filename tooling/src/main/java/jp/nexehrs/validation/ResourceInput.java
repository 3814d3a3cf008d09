package jp.nexehrs.validation;

import jp.nexehrs.fhir.ResourceFormat;

/**
 * One resource to validate, as read: a whole file ({@code line} 0), or one line of an NDJSON file ({@code line}
 * its 1-based number, where every finding about it is placed).
 */
record ResourceInput(String file, int line, ResourceFormat format, byte[] bytes) {
    boolean isNdjsonLine() {
        return line > 0;
    }

    /** Where a finding about the resource is shown: for an NDJSON line, its line; the column stays the column. */
    int lineInFile(int lineInResource) {
        return isNdjsonLine() ? line : lineInResource;
    }
}
