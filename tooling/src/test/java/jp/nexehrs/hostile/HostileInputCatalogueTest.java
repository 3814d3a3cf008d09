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
                // Published guides name files freely: a name that says another type is a warning under fileNames: strict only.
                entry("resourceType not matching the file name (not an error)", p -> write(p, example + "Observation-hanako2.json", patient.replace("\"hanako\"", "\"hanako2\"")),
                        0, example + "Observation-hanako2.json", 0, ""),
                entry("resourceType not matching the folder (not an error)", p -> write(p, "profiles/valuesets/CodeSystem-misplaced.json",
                                TestProjects.read(TestProjects.MINIMAL.resolve("profiles/codesystems/CodeSystem-minimal-marital.json"))
                                        .replace("\"minimal-marital\"", "\"misplaced\"").replace("CodeSystem/minimal-marital", "CodeSystem/misplaced")),
                        0, "profiles/valuesets/CodeSystem-misplaced.json", 0, ""),
                entry("deeply nested JSON", p -> write(p, example + "Patient-deep.json", "{\"resourceType\":\"Patient\",\"id\":\"deep\",\"extension\":"
                                + "[{\"extension\":".repeat(5000) + "[]" + "}]".repeat(5000) + "}"),
                        1, example + "Patient-deep.json", 0, "nested deeper than"),
                entry("duplicate id", p -> write(p, example + "Patient-copy.json", patient), 1, example + "Patient-hanako.json", 0, "duplicate Patient id 'hanako'"),
                entry("duplicate canonical URL", p -> write(p, "profiles/valuesets/ValueSet-again.json",
                                TestProjects.read(TestProjects.MINIMAL.resolve("profiles/valuesets/ValueSet-minimal-marital-status.json"))
                                        .replace("\"id\": \"minimal-marital-status\"", "\"id\": \"again\"")),
                        1, "profiles/valuesets/ValueSet-minimal-marital-status.json", 0, "duplicate canonical URL"),
                entry("include of an absolute path", p -> append(p, "spec/01-intro.adoc", "\ninclude::/etc/passwd[]\n"),
                        1, "spec/01-intro.adoc", 18, "'/etc/passwd' is an absolute path"),
                entry("include climbing out with ../", p -> append(p, "spec/01-intro.adoc", "\ninclude::../../../etc/passwd[]\n"),
                        1, "spec/01-intro.adoc", 18, "leads outside spec/"),
                entry("include of a URL, even where URLs may be read", p -> append(p, "spec/01-intro.adoc",
                                "\n:allow-uri-read:\n\ninclude::https://example.org/evil.adoc[]\n"),
                        1, "spec/01-intro.adoc", 20, "a URL is never included"),
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
                        1, "spec/01-intro.adoc", 19, "<script> element"),
                entry("inline passthrough with an event handler", p -> append(p, "spec/01-intro.adoc", "\n見て pass:[<img src=\"x\" onerror=\"alert(1)\">] ください。\n"),
                        1, "spec/01-intro.adoc", 18, "onerror= event handler"),
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
                entry("a duplicate key in nexehrs.yaml", p -> append(p, "nexehrs.yaml", "version: 9.9.9\n"),
                        1, "nexehrs.yaml", 11, "key 'version' is given twice, on lines 3 and 11"),
                entry("a dependency written as a single value", p -> append(p, "nexehrs.yaml", "dependencies:\n  - hl7.fhir.r4.core\n"),
                        1, "nexehrs.yaml", 12, "'dependencies', entry 1 has the wrong form: write a mapping"),
                entry("a dependency without its id", p -> append(p, "nexehrs.yaml", "dependencies:\n  - version: 1.0.0\n    path: x.tgz\n"),
                        1, "nexehrs.yaml", 12, "lacks the required key 'id'"),
                entry("an attribute expansion bomb", p -> write(p, "spec/02-bomb.adoc", attributeBomb()),
                        1, "spec/02-bomb.adoc", 8, "grows past 8 million characters"),
                entry("an include expansion bomb", p -> {
                            write(p, "spec/_f0.adoc", "断片".repeat(500) + "\n");
                            for (int i = 1; i <= 6; i++) write(p, "spec/_f" + i + ".adoc", ("include::_f" + (i - 1) + ".adoc[]\n").repeat(10));
                            write(p, "spec/02-includes.adoc", "= 入れ子\n\ninclude::_f6.adoc[]\n");
                        },
                        1, "spec/_f0.adoc", 1, "grows past 8 million characters"),
                entry("a Bundle with too many entries", p -> write(p, example + "Bundle-many.json", manyEntries(1_001)),
                        1, example + "Bundle-many.json", 1002, "more than 1000 entries in one resource"),
                // Real guides publish versions such as 1.x.x-temp: not semver is a warning, and the build goes on.
                entry("a version that is not a semantic version (not an error)", p -> replace(p, "nexehrs.yaml", "version: 1.0.0", "version: one"),
                        0, "nexehrs.yaml", 3, ""),
                entry("a dependency that is not a .tgz", p -> {
                            Files.writeString(p.resolve("evil.tgz"), "not a package at all");
                            append(p, "nexehrs.yaml", "dependencies:\n  - id: evil.pkg\n    version: 1.0.0\n    path: evil.tgz\n");
                        },
                        1, "", 0, "not a readable .tgz package"),
                entry("a table without its leading separator", p -> append(p, "spec/01-intro.adoc", "\n|===\nコード |表示\n|===\n"),
                        1, "spec/01-intro.adoc", 19, "the table does not start with '|'"),
                entry("a huge table", p -> append(p, "spec/01-intro.adoc", "\n|===\n|コード |表示\n\n" + "|c |表示\n".repeat(5000) + "|===\n"),
                        0, "", 0, "")
        );
    }

    @org.junit.jupiter.api.Test
    void aBallotVoteGivenTwiceIsAnErrorNamingBothLinesAndTheStatusAgreesWithTheTally(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path repository = TestProjects.copyRepositorySpec(dir.resolve("repository"));
        TestProjects.CliResult status = TestProjects.runCli("ballot", "status", "01-overview", "--project", repository.toString(), "-q");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("状態 Status: 採択 adopted (the header still says consensus: change :nexehrs-status: to adopted in spec/01-overview.adoc:3)"),
                status.toString());
        assertFalse(status.out().contains("Status: 合意 consensus"), "one status, agreeing with the passed ballot");

        String ballot = "governance/ballots/2026-10-01-overview-0.1.0.yaml";
        replace(repository, ballot, "  - member: sakura-medical\n    vote: yes\n", "  - member: sakura-medical\n    vote: no\n    vote: yes\n");
        TestProjects.CliResult tally = TestProjects.runCli("ballot", "tally", "01-overview", "--project", repository.toString(), "-q");
        String all = tally.out() + tally.err();
        assertEquals(1, tally.exitCode(), tally.toString());
        assertTrue(all.contains(ballot + ":12") && all.contains("key 'vote' is given twice, on lines 11 and 12"), tally.toString());
        assertFalse(all.contains("PASSED"), "a ballot that cannot be read is not tallied:\n" + tally);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), tally.toString());
        assertNoLibraryWords(all);
    }

    @org.junit.jupiter.api.Test
    void aFragmentBesideADocumentInASubFolderIsIncludedAndItsChangeReachesTheCachedBuild(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        write(project, "spec/sub/99-sub.adoc", "= 下位の文書\n:revnumber: 1.0.0\n:nexehrs-status: draft\n:nexehrs-owner: テストWG\n\n"
                + "include::_frag.adoc[tag=keep]\n");
        write(project, "spec/sub/_frag.adoc", "// tag::keep[]\n断片の第一版。\n// end::keep[]\n\nタグの外の行。\n");
        TestProjects.CliResult first = TestProjects.runCli("build", "-q", "--project", project.toString());
        assertEquals(0, first.exitCode(), first.toString());
        String before = pageOf(project, "99-sub");
        assertTrue(before.contains("断片の第一版"), "the fragment beside the document is included");
        assertFalse(before.contains("タグの外の行"), "Asciidoctor still applies tag= to the include");

        write(project, "spec/sub/_frag.adoc", "// tag::keep[]\n断片の第二版。\n// end::keep[]\n");
        TestProjects.CliResult second = TestProjects.runCli("build", "-q", "--project", project.toString());
        assertEquals(0, second.exitCode(), second.toString());
        String page = pageOf(project, "99-sub");
        assertTrue(page.contains("断片の第二版") && !page.contains("断片の第一版"), "a cached build shows the changed fragment");
    }

    @org.junit.jupiter.api.Test
    void aTitleWithMarkupCharactersIsEscapedOnceEverywhere(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        String title = "記録 & <共有> \"引用\" 「括弧」";
        replace(project, "spec/01-intro.adoc", "= はじめに", "= " + title);
        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());
        assertEquals(0, result.exitCode(), result.toString());
        String page = Files.readString(project.resolve("build/site/01-intro.html"));
        assertFalse(page.contains("&amp;amp;") || page.contains("&amp;lt;") || page.contains("&amp;quot;") || page.contains("&amp;#"),
                "nothing escaped twice");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertEquals(title, html.title().replaceFirst(" [|–—-] .*$", "").strip(), "the <title>: " + html.title());
        assertTrue(html.select("nav, aside").text().contains(title), "the sidebar");
        assertTrue(html.select("h1").text().contains(title), "the heading");
    }

    @org.junit.jupiter.api.Test
    void anImageWithoutAltTextIsReportedOnTheImagesLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        append(project, "spec/01-intro.adoc", "\nflow.png に流れを示す。\n\nimage::flow.png[]\n");
        TestProjects.CliResult result = TestProjects.runCli("build", "--project", project.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue((result.out() + result.err()).contains("spec/01-intro.adoc:20"), "the line of the image macro, not of the first mention:\n" + result);
    }

    @org.junit.jupiter.api.Test
    void aPackageThatUnpacksPastAQuarterOfTheHeapIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // 300 MB of one entry, under the 1 GB ceiling but more than a quarter of the launcher's 768 MB floor.
        Path tgz = dir.resolve("bomb.tgz");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
            byte[] json = "{\"name\":\"bomb.pkg\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
            var manifest = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("package/package.json", true);
            manifest.setSize(json.length);
            tar.putArchiveEntry(manifest);
            tar.write(json);
            tar.closeArchiveEntry();
            var big = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("package/other/big.json", true);
            big.setSize(300L * 1024 * 1024);
            tar.putArchiveEntry(big);
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) tar.write(block);
            tar.closeArchiveEntry();
        }
        Path resource = TestProjects.write(dir, "Patient-a.json", "{\"resourceType\":\"Patient\",\"id\":\"a\"}");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process validate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", classPath, "jp.nexehrs.cli.Main", "validate", "--package", tgz.toString(), resource.toString())
                .redirectErrorStream(true).start();
        String output = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(validate.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), output);
        assertEquals(1, validate.exitValue(), output);
        assertTrue(output.contains("bomb.tgz") && output.contains("unpacks to more than 192 MB"), output);
        assertFalse(output.contains("\tat ") || output.contains("OutOfMemoryError"), output);
        assertNoLibraryWords(output);
    }

    /** The page of the document whose file is {@code name}.adoc, wherever the site puts it. */
    private static String pageOf(Path project, String name) throws IOException {
        try (Stream<Path> pages = Files.walk(project.resolve("build/site"))) {
            Path page = pages.filter(p -> p.getFileName().toString().equals(name + ".html")).findFirst()
                    .orElseThrow(() -> new AssertionError("no page " + name + ".html"));
            return Files.readString(page);
        }
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
        // The page's only scripts are the site's own (search, element trees), loaded from assets/ with no inline code.
        assertTrue(html.select("script").stream().allMatch(e -> e.attr("src").startsWith("assets/") && e.data().isEmpty())
                && html.select("[onerror]").isEmpty(), "no live markup from the description");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the description is shown as text");
    }

    private static Arguments entry(String name, Breakage breakage, int exit, String file, int line, String message) {
        return Arguments.of(new Entry(name, breakage, exit, file, line, message));
    }

    /** Ten attributes, each ten copies of the one before: 11 characters become 11 billion. */
    static String attributeBomb() {
        StringBuilder text = new StringBuilder("= 展開\n:lol0: lololololol\n");
        for (int i = 1; i <= 9; i++) text.append(":lol").append(i).append(": ").append(("{lol" + (i - 1) + "}").repeat(10)).append('\n');
        return text.append("\n{lol9}\n").toString();
    }

    /** A collection Bundle with {@code count} small entries, one a line (entry n on line n + 1). */
    static String manyEntries(int count) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"id\":\"many\",\"type\":\"collection\",\"entry\":[\n");
        for (int i = 1; i <= count; i++) {
            json.append("{\"fullUrl\":\"urn:uuid:00000000-0000-0000-0000-").append(String.format("%012d", i))
                    .append("\",\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}}").append(i < count ? ",\n" : "\n");
        }
        return json.append("]}\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachBadInputGetsAClearErrorAndNothingIsLost(Entry entry, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path project = TestProjects.copyTree(built, dir.resolve("project"));
        entry.breakage().apply(project);

        long start = System.nanoTime();
        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        String all = result.out() + result.err();
        assertEquals(entry.exitCode(), result.exitCode(), result.toString());
        // Generous: each entry is a build of the small fixture (seconds); a bomb that got through takes minutes or
        // runs out of memory (which the exit code and the no-stack-trace check above would also catch).
        assertTrue(seconds < 120, entry + " took " + seconds + " s");
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace without --verbose:\n" + result);
        assertNoLibraryWords(all);
        if (entry.exitCode() == 0) return;
        String expectedStart = entry.file() + (entry.line() > 0 ? ":" + entry.line() : "");
        assertTrue(all.lines().anyMatch(l -> (entry.file().isEmpty() || l.contains(expectedStart)) && l.contains(entry.message())),
                "a line naming " + expectedStart + " and saying '" + entry.message() + "':\n" + result);
        assertEquals(builtOutput, outputOf(project), "the previous site and package are untouched");
    }

    /** Words of the libraries and of Java that must never reach a user: class names, null, binder phrasing. */
    private static final java.util.regex.Pattern LIBRARY_WORDS = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jp|org|com|sun)\\.[a-z0-9]+\\.[A-Za-z]|\\bnull\\b|Cannot construct instance|creator property"
                    + "|\\$[A-Z][A-Za-z]+|recovering automatically|\\(index \\d+\\)");

    static void assertNoLibraryWords(String output) {
        java.util.regex.Matcher found = LIBRARY_WORDS.matcher(output);
        if (found.find()) {
            org.junit.jupiter.api.Assertions.fail("no Java class names, null or library phrasing ('" + found.group() + "'):\n" + output);
        }
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
