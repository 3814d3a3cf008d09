package jp.nexehrs.cli;

/** A stand-in for the toolchain in {@link LauncherStartupCacheTest}'s jar: prints its arguments, exits with the last. */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
        System.exit(Integer.parseInt(args[args.length - 1]));
    }
}
