package jp.nexehrs.serve;

import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Map;

/**
 * What the server shows at one moment: the site's files from the last build that composed a site, and the
 * problems of the last build (its errors, or why it stopped), for the overlay.
 *
 * @param generation counts builds; a browser tab that loaded an older generation reloads
 * @param failure    why the last build stopped before composing a site (empty when it did not)
 */
record SiteState(long generation, Map<String, byte[]> files, List<Finding> errors, String failure) {
    SiteState {
        files = Map.copyOf(files);
        errors = List.copyOf(errors);
        failure = failure == null ? "" : failure;
    }

    boolean hasProblems() {
        return !errors.isEmpty() || !failure.isEmpty();
    }
}
