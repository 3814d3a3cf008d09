package jp.nexehrs.cli;

/**
 * A stand-in for the toolchain in the launcher's tests ({@link LauncherHarness}): prints its arguments, and with
 * {@code locale} as the first one the character set it reads file names in and its language; exits with the last.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
        if (args[0].equals("locale")) {
            System.out.println("file names in " + System.getProperty("sun.jnu.encoding") + ", language " + System.getProperty("user.language"));
        }
        System.exit(Integer.parseInt(args[args.length - 1]));
    }
}
