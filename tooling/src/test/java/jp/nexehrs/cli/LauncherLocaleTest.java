package jp.nexehrs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Japanese file names and arguments whatever the locale: where the C library's character set is not UTF-8 (the C
 * locale of CI containers, or a LANG naming a locale that is not installed), the launcher runs Java in C.UTF-8 and keeps
 * the language asked for; run without it, the toolchain says what to do.
 */
class LauncherLocaleTest {
    @TempDir
    Path dir;

    private LauncherHarness.Run launchIn(Map<String, String> locale) throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG"}) environment.put(name, null);
        environment.putAll(locale);
        return LauncherHarness.launch(LauncherHarness.probeJar(dir), environment, "locale", "患者-例.json", "0");
    }

    @Test
    void inTheCLocaleAJapaneseArgumentArrivesWholeAndMessagesStayEnglish() throws Exception {
        LauncherHarness.Run run = launchIn(Map.of("LANG", "C"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("probe locale 患者-例.json 0\nfile names in UTF-8, language en", run.stdout().strip(), run.stderr());
    }

    @Test
    void aJapaneseLocaleThatIsNotInstalledStillGivesJapaneseMessages() throws Exception {
        LauncherHarness.Run run = launchIn(Map.of("LANG", "ja_JP.UTF-8"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("probe locale 患者-例.json 0\nfile names in UTF-8, language ja"), run.stdout());
    }

    @Test
    void whereCUtf8IsNotInstalledTheLocaleIsLeftAsItIs() throws Exception {
        // A `locale` that knows only C and POSIX, first on the PATH: the launcher must not name a locale that is not there.
        Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        Path locale = java.nio.file.Files.writeString(bin.resolve("locale"),
                "#!/bin/sh\nif [ \"$1\" = -a ]; then printf 'C\\nPOSIX\\n'; else echo ANSI_X3.4-1968; fi\n");
        locale.toFile().setExecutable(true);
        LauncherHarness.Run run = launchIn(Map.of("LC_ALL", "C", "PATH", bin + ":" + System.getenv("PATH")));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("file names in ANSI_X3.4-1968"), "left in the C locale: " + run.stdout());
    }

    @Test
    void runWithoutTheLauncherInAnAsciiLocaleItSaysHowToRunOnce() {
        assertEquals(Optional.empty(), Main.localeWarning("UTF-8"));
        assertEquals(Optional.empty(), Main.localeWarning(null));
        assertEquals(Optional.of("nexehrs: warning: this locale's character set is ANSI_X3.4-1968, so file names and arguments in Japanese"
                + " cannot be read: run with a UTF-8 locale (LC_ALL=C.UTF-8), as ./nexehrs does"), Main.localeWarning("ANSI_X3.4-1968"));
    }
}
