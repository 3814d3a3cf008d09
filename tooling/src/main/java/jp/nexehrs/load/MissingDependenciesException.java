package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Dependencies that are not on this machine, all of them at once: an environment problem (exit 2), not an error in
 * the guide. The message says where each was looked for and how to go on without them.
 */
public final class MissingDependenciesException extends SourceException {
    private final List<MissingPackage> missing;

    public MissingDependenciesException(List<MissingPackage> missing) {
        super(Kind.USAGE_OR_ENVIRONMENT, missing.get(0).file(), missing.get(0).line(), 0, message(missing));
        this.missing = List.copyOf(missing);
    }

    public List<MissingPackage> missing() {
        return missing;
    }

    /** The message alone: it names each place itself. */
    @Override
    public String toLine() {
        return getMessage();
    }

    private static String message(List<MissingPackage> missing) {
        String list = missing.stream()
                .map(m -> "  " + m.label() + " (" + m.place() + "): looked in " + String.join(", ", m.lookedIn()))
                .collect(Collectors.joining("\n"));
        return (missing.size() == 1 ? "a dependency is" : missing.size() + " dependencies are") + " not on this machine:\n" + list
                + "\nGive each a 'path:' in " + ProjectLoader.CONFIG_FILE + " (a .tgz or a folder holding package/), put it in the FHIR"
                + " package cache (~/.fhir/packages/<id>#<version>), or build without it: --missing-dependencies=warn (or"
                + " 'missingDependencies: warn' in " + ProjectLoader.CONFIG_FILE + "), which reports every reference into it as not checked.";
    }
}
