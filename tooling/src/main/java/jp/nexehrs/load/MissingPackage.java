package jp.nexehrs.load;

import java.util.List;

/**
 * A dependency that is not on this machine: the package named in {@code file} (nexehrs.yaml or the guide's
 * ImplementationGuide) at {@code line}, and every place it was looked for.
 */
public record MissingPackage(String id, String version, String file, int line, List<String> lookedIn) {
    public MissingPackage {
        lookedIn = List.copyOf(lookedIn);
    }

    /** The same package, declared at {@code file} and {@code line}. */
    MissingPackage declaredAt(String file, int line) {
        return new MissingPackage(id, version, file, line, lookedIn);
    }

    /** {@code file:line}, as messages name a place. */
    public String place() {
        return line > 0 ? file + ":" + line : file;
    }

    /** {@code id#version}, the way the FHIR package cache names a package. */
    public String label() {
        return id + "#" + version;
    }
}
