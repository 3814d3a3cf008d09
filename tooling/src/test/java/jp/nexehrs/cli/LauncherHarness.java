package jp.nexehrs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The launcher's {@code nexehrs_run_java} (tooling/bin/java-options.sh) run by bash on a small jar of our own, with
 * the JDK running the tests: {@link LauncherProbe} in place of the toolchain.
 */
final class LauncherHarness {
    private static final Path SCRIPT = Path.of("bin/java-options.sh").toAbsolutePath();

    record Run(int exitCode, String stdout, String stderr) {}

    private LauncherHarness() {
    }

    /** {@code probe.jar} in {@code dir}, whose main is {@link LauncherProbe}. */
    static Path probeJar(Path dir) throws IOException {
        Path jar = dir.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String classFile = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** {@code nexehrs_run_java} on {@code jar}, in {@code jar}'s folder, with these variables set (a null value unsets one). */
    static Run launch(Path jar, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source \"$0\" && nexehrs_run_java \"$@\"",
                SCRIPT.toString(), jar.toString(), "-Xmx64m", "--"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile());
        builder.environment().remove("NEXEHRS_STARTUP_CACHE");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        environment.forEach((name, value) -> {
            if (value == null) builder.environment().remove(name);
            else builder.environment().put(name, value);
        });
        Process process = builder.start();
        // stderr stays small (a line or two), so reading stdout to its end first cannot block the launcher.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), stdout, stderr);
    }
}
