package jp.nexehrs.hostile;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of bad inputs (issue 11): each entry breaks a copy of a project that was built once, runs
 * {@code nexehrs build} on it, and asserts the exit code, that the message names the file (and the line where
 * there is one), that no stack trace is printed, and that the previous site and package are untouched.
 */
class HostileInputCatalogueTest {
    private static Path built;
    private static Map<String, String> builtOutput;

    /** One catalogue entry: how to break the project, and what the user must then be told. */
    record Entry(String name, Breakage breakage, int exitCode, String file, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Breakage {
        void apply(Path project) throws IOException;
    }

    @BeforeAll
    static void buildTheFixtureOnce(@org.junit.jupiter.api.io.TempDir Path dir) {
        built = TestProjects.copyMinimal(dir.resolve("built"));
        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", built.toString());
        assertEquals(0, result.exitCode(), result.toString());
        builtOutput = outputOf(built);
    }

    static Stream<Arguments> catalogue() {
        String example = "profiles/examples/";
        String patient = TestProjects.read(TestProjects.MINIMAL.resolve("profiles/examples/Patient-hanako.json"));
        return Stream.of(
                entry("malformed JSON", p -> write(p, example + "Patient-bad.json", "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"bad\"\n  \"active\": true\n}\n"),
                        1, example + "Patient-bad.json", 4, "malformed JSON"),
                entry("malformed XML", p -> write(p, example + "Patient-bad.xml", "<Patient xmlns=\"http://hl7.org/fhir\">\n  <id value=\"bad\"/>\n  <active value=\"true\">\n</Patient>\n"),
                        1, example + "Patient-bad.xml", 4, "malformed XML"),
                entry("invalid UTF-8", p -> Files.write(p.resolve(example + "Patient-latin1.json"),
                                patient.replace("\"hanako\"", "\"latin1\"").replace("山田", "Y\u00e9").getBytes(StandardCharsets.ISO_8859_1)),
                        1, example + "Patient-latin1.json", 0, "not valid UTF-8"),
                entry("empty file", p -> write(p, example + "Patient-empty.json", ""), 1, example + "Patient-empty.json", 0, "empty"),
                entry("a 50 MB resource", p -> write(p, example + "Binary-huge.json", "{\"resourceType\":\"Binary\",\"id\":\"huge\",\"contentType\":\"text/plain\",\"data\":\""
                                + "A".repeat(50 * 1024 * 1024) + "\"}"),
                        1, example + "Binary-huge.json", 0, "limited to 16 MB"),
                entry("resourceType not matching the file name", p -> write(p, example + "Observation-hanako2.json", patient.replace("\"hanako\"", "\"hanako2\"")),
                        1, example + "Observation-hanako2.json", 0, "the file name says Observation but it holds a Patient"),
                entry("resourceType not matching the folder", p -> write(p, "profiles/valuesets/CodeSystem-misplaced.json",
                                TestProjects.read(TestProjects.MINIMAL.resolve("profiles/codesystems/CodeSystem-minimal-marital.json"))
                                        .replace("\"minimal-marital\"", "\"misplaced\"").replace("CodeSystem/minimal-marital", "CodeSystem/misplaced")),
                        1, "profiles/valuesets/CodeSystem-misplaced.json", 0, "in the valuesets folder"),
                entry("deeply nested JSON", p -> write(p, example + "Patient-deep.json", "{\"resourceType\":\"Patient\",\"id\":\"deep\",\"extension\":"
                                + "[{\"extension\":".repeat(5000) + "[]" + "}]".repeat(5000) + "}"),
                        1, example + "Patient-deep.json", 0, "nested deeper than"),
                entry("duplicate id", p -> write(p, example + "Patient-copy.json", patient), 1, example + "Patient-hanako.json", 0, "duplicate Patient id 'hanako'"),
                entry("duplicate canonical URL", p -> write(p, "profiles/valuesets/ValueSet-again.json",
                                TestProjects.read(TestProjects.MINIMAL.resolve("profiles/valuesets/ValueSet-minimal-marital-status.json"))
                                        .replace("\"id\": \"minimal-marital-status\"", "\"id\": \"again\"")),
                        1, "profiles/valuesets/ValueSet-minimal-marital-status.json", 0, "duplicate canonical URL"),
                entry("include of an absolute path", p -> append(p, "spec/01-intro.adoc", "\ninclude::/etc/passwd[]\n"),
                        1, "spec/01-intro.adoc", 0, "include file"),
                entry("include climbing out with ../", p -> append(p, "spec/01-intro.adoc", "\ninclude::../../../etc/passwd[]\n"),
                        1, "spec/01-intro.adoc", 0, "ancestor of jail"),
                entry("include through a symbolic link", p -> {
                            Files.createSymbolicLink(p.resolve("spec/_passwd.adoc"), Path.of("/etc/passwd"));
                            append(p, "spec/01-intro.adoc", "\ninclude::_passwd.adoc[]\n");
                        },
                        1, "spec/_passwd.adoc", 0, "symbolic link leads outside the project"),
                entry("include loop", p -> {
                            write(p, "spec/02-loop.adoc", "= ループ\n\ninclude::_b.adoc[]\n");
                            write(p, "spec/_b.adoc", "B\n\ninclude::_c.adoc[]\n");
                            write(p, "spec/_c.adoc", "C\n\ninclude::_b.adoc[]\n");
                        },
                        1, "spec/", 0, "maximum include depth"),
                entry("include of a missing file", p -> append(p, "spec/01-intro.adoc", "\ninclude::_nowhere.adoc[]\n"),
                        1, "spec/01-intro.adoc", 18, "include file not found"),
                entry("unknown attribute reference", p -> append(p, "spec/01-intro.adoc", "\nこれは {未定義} です。\n"),
                        1, "spec/01-intro.adoc", 0, "missing attribute"),
                entry("raw HTML passthrough with <script>", p -> append(p, "spec/01-intro.adoc", "\n++++\n<script>alert(1)</script>\n++++\n"),
                        1, "spec/01-intro.adoc", 0, "<script> element"),
                entry("inline passthrough with an event handler", p -> append(p, "spec/01-intro.adoc", "\n見て pass:[<img src=\"x\" onerror=\"alert(1)\">] ください。\n"),
                        1, "spec/01-intro.adoc", 0, "onerror= event handler"),
                entry("a narrative with <script> and onerror", p -> write(p, example + "Patient-evil.json", patient.replace("\"hanako\"", "\"evil\"")
                                .replace("<p>山田 花子</p>", "<p>山田 花子</p><script>alert(1)</script><img src=\\\"x\\\" onerror=\\\"alert(2)\\\"/>")),
                        1, example + "Patient-evil.json", 5, "Invalid element name in the XHTML ('script')"),
                entry("a profile whose base cannot be found", p -> replace(p, "profiles/structuredefinitions/StructureDefinition-minimal-patient.json",
                                "http://hl7.org/fhir/StructureDefinition/Patient", "http://example.org/fhir/StructureDefinition/nowhere"),
                        1, "profiles/structuredefinitions/StructureDefinition-minimal-patient.json", 14, "cannot be found"),
                entry("a snapshot cycle between two profiles", p -> {
                            String profile = TestProjects.read(TestProjects.MINIMAL.resolve("profiles/structuredefinitions/StructureDefinition-minimal-patient.json"));
                            write(p, "profiles/structuredefinitions/StructureDefinition-cycle-a.json", profile
                                    .replace("\"minimal-patient\"", "\"cycle-a\"").replace("StructureDefinition/minimal-patient", "StructureDefinition/cycle-a")
                                    .replace("\"MinimalPatient\"", "\"CycleA\"")
                                    .replace("http://hl7.org/fhir/StructureDefinition/Patient", "http://example.org/fhir/StructureDefinition/cycle-b"));
                            write(p, "profiles/structuredefinitions/StructureDefinition-cycle-b.json", profile
                                    .replace("\"minimal-patient\"", "\"cycle-b\"").replace("StructureDefinition/minimal-patient", "StructureDefinition/cycle-b")
                                    .replace("\"MinimalPatient\"", "\"CycleB\"")
                                    .replace("http://hl7.org/fhir/StructureDefinition/Patient", "http://example.org/fhir/StructureDefinition/cycle-a"));
                        },
                        1, "profiles/structuredefinitions/StructureDefinition-cycle-a.json", 14, "cycle"),
                entry("an example claiming an unknown profile", p -> write(p, example + "Patient-stray.json", patient.replace("\"hanako\"", "\"stray\"")
                                .replace("StructureDefinition/minimal-patient", "StructureDefinition/unknown-patient")),
                        1, example + "Patient-stray.json", 0, "unknown-patient"),
                entry("a dependency .tgz with ../ entries", p -> dependencyTgz(p, "package/../../evil.json"), 1, "", 0, "climbs out of the package"),
                entry("a dependency .tgz with an absolute path", p -> dependencyTgz(p, "/etc/evil.json"), 1, "", 0, "absolute path"),
                entry("a huge table", p -> append(p, "spec/01-intro.adoc", "\n|===\n|コード |表示\n\n" + "|c |表示\n".repeat(5000) + "|===\n"),
                        0, "", 0, "")
        );
    }

    @org.junit.jupiter.api.Test
    void htmlInAMarkdownDescriptionIsShownAsTextNeverRun(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        replace(project, "profiles/structuredefinitions/StructureDefinition-minimal-patient.json",
                "識別子と氏名が必須の患者", "識別子と氏名が必須の患者 <script>alert(1)</script> <img src=x onerror=alert(2)>");

        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());

        assertEquals(0, result.exitCode(), result.toString());
        String page = Files.readString(project.resolve("build/site/StructureDefinition-minimal-patient.html"));
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        // The page's only script is the site's own search script, loaded from assets/.
        assertTrue(html.select("script").stream().allMatch(e -> e.attr("src").endsWith("assets/search.js") && e.data().isEmpty())
                && html.select("[onerror]").isEmpty(), "no live markup from the description");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the description is shown as text");
    }

    private static Arguments entry(String name, Breakage breakage, int exit, String file, int line, String message) {
        return Arguments.of(new Entry(name, breakage, exit, file, line, message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachBadInputGetsAClearErrorAndNothingIsLost(Entry entry, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        entry.breakage().apply(project);

        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());

        String all = result.out() + result.err();
        assertEquals(entry.exitCode(), result.exitCode(), result.toString());
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace without --verbose:\n" + result);
        if (entry.exitCode() == 0) return;
        String expectedStart = entry.file() + (entry.line() > 0 ? ":" + entry.line() : "");
        assertTrue(all.lines().anyMatch(l -> (entry.file().isEmpty() || l.contains(expectedStart)) && l.contains(entry.message())),
                "a line naming " + expectedStart + " and saying '" + entry.message() + "':\n" + result);
        assertEquals(builtOutput, outputOf(project), "the previous site and package are untouched");
    }

    private static Map<String, String> outputOf(Path project) {
        Map<String, String> site = TestProjects.fingerprint(project.resolve("build/site"));
        Map<String, String> pkg = TestProjects.fingerprint(project.resolve("build/package"));
        java.util.TreeMap<String, String> both = new java.util.TreeMap<>();
        site.forEach((k, v) -> both.put("site/" + k, v));
        pkg.forEach((k, v) -> both.put("package/" + k, v));
        return both;
    }

    private static void write(Path project, String relative, String content) {
        TestProjects.write(project, relative, content);
    }

    private static void append(Path project, String relative, String content) throws IOException {
        Files.writeString(project.resolve(relative), content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void replace(Path project, String relative, String from, String to) throws IOException {
        Path file = project.resolve(relative);
        String text = Files.readString(file);
        assertTrue(text.contains(from));
        Files.writeString(file, text.replace(from, to));
    }

    /** Declares a dependency whose package holds an entry with {@code entryName}. */
    private static void dependencyTgz(Path project, String entryName) throws IOException {
        Path tgz = project.resolve("evil.tgz");
        Files.write(tgz, tgzWith(Map.of("package/package.json", "{\"name\":\"evil.pkg\",\"version\":\"1.0.0\"}", entryName, "{}")));
        append(project, "nexehrs.yaml", "dependencies:\n  - id: evil.pkg\n    version: 1.0.0\n    path: evil.tgz\n");
    }

    static byte[] tgzWith(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e.getKey(), true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
