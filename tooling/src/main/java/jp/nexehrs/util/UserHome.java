package jp.nexehrs.util;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The user's home folder, as each kind of tool sees it. {@code $HOME} is what the shell, Git and Node's FHIR tools
 * (SUSHI, fhir-package-loader, the {@code fhir} CLI) use; the JVM's {@code user.home} is the account's home from the
 * system's user database, which the HL7 Java tools use. The two differ where a container or CI job sets {@code HOME}
 * (a GitHub Actions job in a container has {@code HOME=/github/home} and the account's home {@code /root}); a package
 * installed there by one kind of tool must still be found.
 */
public final class UserHome {
    private UserHome() {
    }

    /** {@code $HOME} first, then {@code user.home} when it is another folder. */
    public static List<Path> folders() {
        return folders(System.getenv("HOME"), System.getProperty("user.home"));
    }

    /** The first of {@link #folders()}: where nexehrs keeps what is its own, as other command-line tools do. */
    public static Path folder() {
        return folders().get(0);
    }

    static List<Path> folders(String homeVariable, String userHomeProperty) {
        Set<Path> folders = new LinkedHashSet<>();
        for (String candidate : new String[] {homeVariable, userHomeProperty}) {
            if (candidate == null || candidate.isBlank()) continue;
            Path folder = Path.of(candidate);
            // A relative HOME would mean a different folder in every working directory: not a home.
            if (folder.isAbsolute()) folders.add(folder.normalize());
        }
        if (folders.isEmpty()) throw new IllegalStateException("no home folder: neither HOME nor the JVM's user.home is an absolute path");
        return List.copyOf(folders);
    }
}
