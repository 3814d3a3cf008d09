package jp.nexehrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nexehrs validate --package} as implementers need it (issue 20): honest verdicts (which profiles applied, none of
 * the package's, unknown claims, --profile by name), one message per problem at the nearest element, NDJSON exports
 * (plain and gzipped) with their lines, shards merged into the unsharded report, and the result cache.
 */
class ImplementerValidationTest {
    private static final String PROFILE = "http://example.org/fhir/StructureDefinition/minimal-patient";
    private static final Pattern LEAKS = Pattern.compile("\\bnull\\b|Exception|java\\.|\\bjp\\.nexehrs\\.|org\\.hl7\\.|ca\\.uhn\\.");
    @TempDir
    static Path temp;
    static Path packageFile;
    static Path files;

    @BeforeAll
    static void buildPackageAndInputs() throws Exception {
        packageFile = ValidatePackageCommandTest.minimalPackage(CorpusFixtures.copyProject("minimal", temp.resolve("project")), temp);
        files = Files.createDirectories(temp.resolve("files"));
        Files.writeString(files.resolve("claims.json"), """
                {
                  "resourceType": "Patient",
                  "meta": {"profile": ["http://example.org/fhir/StructureDefinition/minimal-patient"]},
                  "name": [{"family": "山田"}],
                  "maritalStatus": {
                    "coding": [{"system": "http://example.org/fhir/CodeSystem/minimal-marital", "code": "nope"}]
                  }
                }
                """);
        Files.writeString(files.resolve("unclaimed.json"), """
                {"resourceType": "Patient", "name": [{"family": "山田"}]}
                """);
        Files.writeString(files.resolve("unknown-profile.json"), """
                {
                  "resourceType": "Patient",
                  "meta": {"profile": ["http://example.org/fhir/StructureDefinition/no-such-profile"]}
                }
                """);
    }

    private static ValidatePackageCommandTest.Run validate(String... args) {
        List<String> all = new ArrayList<>(List.of("validate", "-p", temp.toString(), "--package", packageFile.toString(), "--threads", "2"));
        all.addAll(List.of(args));
        if (!all.contains("--lang")) all.addAll(List.of("--lang", "en"));
        ValidatePackageCommandTest.Run run = ValidatePackageCommandTest.nexehrs(all.toArray(String[]::new));
        assertFalse(LEAKS.matcher(run.out() + run.err()).find(), "no class names, nulls or exception texts:\n" + run.out() + run.err());
        return run;
    }

    private static JsonNode json(ValidatePackageCommandTest.Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<JsonNode> findings(JsonNode report, String messageId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("messageId").asText().equals(messageId)) found.add(f);
        return found;
    }

    @Test
    void everyFormatSaysWhichProfilesEachResourceWasCheckedAgainst() throws Exception {
        String claims = files.resolve("claims.json").toString();
        String unclaimed = files.resolve("unclaimed.json").toString();
        JsonNode report = json(validate("--no-cache", "--format", "json", claims, unclaimed));
        assertEquals(PROFILE, report.at("/resources/0/checkedAgainst/0").asText(), report.toString());
        assertEquals("http://hl7.org/fhir/StructureDefinition/Patient", report.at("/resources/1/checkedAgainst/0").asText());
        assertEquals(2, report.at("/summary/resources").asInt());

        JsonNode sarif = new ObjectMapper().readTree(validate("--no-cache", "--format", "sarif", claims, unclaimed).out());
        assertEquals(PROFILE, sarif.at("/runs/0/properties/resources/0/checkedAgainst/0").asText());

        ValidatePackageCommandTest.Run text = validate("--no-cache", "--verbose", claims, unclaimed);
        assertTrue(text.out().contains(claims + ": checked against " + PROFILE), text.out());
        assertTrue(text.err().contains("in 2 resources; checked against " + PROFILE + " (1), http://hl7.org/fhir/StructureDefinition/Patient (1)"), text.err());
    }

    @Test
    void aResourceClaimingNoneOfThePackagesProfilesIsToldSoAndRequireProfileMakesItAnError() throws Exception {
        String unclaimed = files.resolve("unclaimed.json").toString();
        ValidatePackageCommandTest.Run lenient = validate("--no-cache", "--format", "json", unclaimed);
        assertEquals(ExitCode.OK, lenient.exitCode(), lenient.out());
        JsonNode note = findings(json(lenient), "no-package-profile").get(0);
        assertEquals("information", note.get("severity").asText());
        assertTrue(note.get("message").asText().contains("MinimalPatient"), "offers the package's profile: " + note);

        ValidatePackageCommandTest.Run quiet = validate("--no-cache", unclaimed);
        assertFalse(quiet.out().contains("no-package-profile") || quiet.out().contains("base FHIR R4 only"), "information needs --verbose: " + quiet.out());
        assertTrue(quiet.err().contains("0 errors, 1 warning, 1 information"), "the summary counts each severity: " + quiet.err());
        assertTrue(validate("--no-cache", "--verbose", unclaimed).out().contains(": information: checked against base FHIR R4 only"));

        ValidatePackageCommandTest.Run strict = validate("--no-cache", "--require-profile", "--format", "json", unclaimed);
        assertEquals(ExitCode.CONTENT_ERRORS, strict.exitCode(), strict.out());
        assertEquals("error", findings(json(strict), "no-package-profile").get(0).get("severity").asText());
    }

    @Test
    void anUnknownClaimedProfileIsAnErrorOnItsLine() throws Exception {
        ValidatePackageCommandTest.Run run = validate("--no-cache", "--format", "json", files.resolve("unknown-profile.json").toString());
        assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode(), run.out());
        List<JsonNode> unknown = findings(json(run), "profile-unknown");
        assertEquals(1, unknown.size(), run.out());
        assertEquals(3, unknown.get(0).get("line").asInt());
        assertTrue(findings(json(run), "Validation_VAL_Profile_Unknown").isEmpty(), "said once, not again as the validator's warning");
    }

    @Test
    void profileIsFoundByNameIdOrUrlAndAnUnknownOneListsTheProfiles() throws Exception {
        String unclaimed = files.resolve("unclaimed.json").toString();
        for (String name : List.of("MinimalPatient", "minimal-patient", PROFILE, PROFILE + "|1.0.0")) {
            ValidatePackageCommandTest.Run run = validate("--no-cache", "--format", "json", "--profile", name, unclaimed);
            assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode(), name + ": the profile's identifier rule applies\n" + run.out());
            assertTrue(json(run).at("/resources/0/checkedAgainst/0").asText().startsWith(PROFILE), run.out());
        }
        ValidatePackageCommandTest.Run unknown = validate("--no-cache", "--profile", "Patient", unclaimed);
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, unknown.exitCode());
        assertTrue(unknown.err().contains("Patient: MinimalPatient (" + PROFILE + ")"), unknown.err());
    }

    @Test
    void aBadCodeIsReportedOnceAndAMissingElementAtItsParent() throws Exception {
        JsonNode report = json(validate("--no-cache", "--format", "json", files.resolve("claims.json").toString()));
        List<JsonNode> atMaritalStatus = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("fhirPath").asText().startsWith("Patient.maritalStatus")) atMaritalStatus.add(f);
        assertEquals(1, atMaritalStatus.size(), "one finding for the one bad code: " + atMaritalStatus);
        assertEquals(5, atMaritalStatus.get(0).get("line").asInt());
        JsonNode missing = findings(report, "Validation_VAL_Profile_Minimum").get(0);
        assertEquals(2, missing.get("line").asInt(), "at the resource's resourceType, not its opening brace: " + missing);
        assertNotEquals(1, missing.get("line").asInt());
    }

    @Test
    void ndjsonFindingsNameFileAndLineAndGzipReadsTheSame() throws Exception {
        Path ndjson = files.getParent().resolve("export.ndjson");
        Files.writeString(ndjson, String.join("\n",
                "{\"resourceType\":\"Patient\",\"meta\":{\"profile\":[\"" + PROFILE + "\"]},\"identifier\":[{\"value\":\"1\"}],\"name\":[{\"family\":\"a\"}]}",
                "",
                "{\"resourceType\":\"Patient\",\"gender\":\"xx\"}",
                "{not json",
                "{\"resourceType\":\"Patient\",\"meta\":{\"profile\":[\"" + PROFILE + "\"]},\"name\":[{\"family\":\"b\"}]}") + "\n");
        ValidatePackageCommandTest.Run run = validate("--no-cache", "--format", "json", ndjson.toString());
        assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode());
        JsonNode report = json(run);
        assertEquals(4, report.at("/summary/resources").asInt(), "the blank line is no resource");
        assertEquals(List.of(1, 3, 4, 5), lines(report.get("resources")));
        assertTrue(hasError(report, ndjson.toString(), 3, "xx"), run.out());
        assertTrue(hasError(report, ndjson.toString(), 4, "JSON"), run.out());
        assertTrue(hasError(report, ndjson.toString(), 5, "Patient.identifier"), run.out());
        for (JsonNode f : report.get("findings")) assertNotEquals(2, f.get("line").asInt());

        Path gz = files.getParent().resolve("export.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(ndjson));
        }
        JsonNode gzipped = json(validate("--no-cache", "--format", "json", gz.toString()));
        assertEquals(report.get("findings").toString().replace(ndjson.toString(), gz.toString()), gzipped.get("findings").toString());
    }

    @Test
    void damagedInputsAreClearErrorsWithFileAndLine() throws Exception {
        Path notGzip = files.getParent().resolve("plain.ndjson.gz");
        Files.writeString(notGzip, "{\"resourceType\":\"Patient\"}\n");
        ValidatePackageCommandTest.Run run = validate("--no-cache", notGzip.toString());
        assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode());
        assertTrue(run.out().contains(notGzip + ": error: not a gzip file"), run.out());

        Path cut = files.getParent().resolve("cut.ndjson.gz");
        byte[] whole;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 200; i++) out.write(("{\"resourceType\":\"Patient\",\"id\":\"p" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            out.close();
            whole = bytes.toByteArray();
        }
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        ValidatePackageCommandTest.Run cutRun = validate("--no-cache", cut.toString());
        assertEquals(ExitCode.CONTENT_ERRORS, cutRun.exitCode());
        assertTrue(Pattern.compile(Pattern.quote(cut.toString()) + ":\\d+: error: the gzip data ends early, after line \\d+").matcher(cutRun.out()).find(), cutRun.out());

        for (String bad : List.of("0/4", "5/4", "2", "a/b", "1/0")) {
            ValidatePackageCommandTest.Run shard = validate("--no-cache", "--shard", bad, files.resolve("unclaimed.json").toString());
            assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, shard.exitCode(), bad);
            assertTrue(shard.err().contains("--shard"), shard.err());
        }
    }

    @Test
    void shardsMergedEqualTheUnshardedReport() throws Exception {
        Path ndjson = files.getParent().resolve("shards.ndjson");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            lines.add(i % 3 == 0 ? "{\"resourceType\":\"Patient\",\"gender\":\"g" + i + "\"}"
                    : "{\"resourceType\":\"Patient\",\"meta\":{\"profile\":[\"" + PROFILE + "\"]},\"name\":[{\"family\":\"f" + i + "\"}]}");
        }
        Files.writeString(ndjson, String.join("\n", lines) + "\n");
        for (String format : List.of("json", "sarif")) {
            String whole = validate("--no-cache", "--format", format, files.toString(), ndjson.toString()).out();
            List<String> reports = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                Path report = temp.resolve("shard-" + k + "." + format);
                Files.writeString(report, validate("--no-cache", "--format", format, "--shard", k + "/4", files.toString(), ndjson.toString()).out());
                reports.add(report.toString());
            }
            assertNotEquals(whole, Files.readString(Path.of(reports.get(0))), "a shard is not the whole");
            List<String> merge = new ArrayList<>(List.of("merge"));
            merge.addAll(reports);
            ValidatePackageCommandTest.Run merged = ValidatePackageCommandTest.nexehrs(merge.toArray(String[]::new));
            assertEquals(ExitCode.CONTENT_ERRORS, merged.exitCode(), merged.err());
            assertEquals(whole, merged.out(), format);
        }
        Path notAReport = temp.resolve("not-a-report.json");
        Files.writeString(notAReport, "[1, 2]");
        ValidatePackageCommandTest.Run bad = ValidatePackageCommandTest.nexehrs("merge", notAReport.toString());
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, bad.exitCode());
        assertTrue(bad.err().contains(notAReport + ": not a report of nexehrs validate"), bad.err());
    }

    @Test
    void theResultCacheNeverChangesAVerdictAndMissesOnAChangedOptionOrPackage() throws Exception {
        Path cache = temp.resolve("cache");
        String[] inputs = {files.resolve("claims.json").toString(), files.resolve("unclaimed.json").toString()};
        String uncached = validate(concat(new String[]{"--no-cache", "--format", "json"}, inputs)).out();
        ValidatePackageCommandTest.Run first = validate(concat(new String[]{"--cache-dir", cache.toString(), "--format", "json"}, inputs));
        ValidatePackageCommandTest.Run second = validate(concat(new String[]{"--cache-dir", cache.toString(), "--format", "json"}, inputs));
        assertEquals(uncached, first.out());
        assertEquals(uncached, second.out(), "the same findings from the cache");
        assertTrue(first.err().contains("0 from the result cache"), first.err());
        assertTrue(second.err().contains("2 from the result cache"), second.err());
        assertTrue(entries(cache) > 0);

        ValidatePackageCommandTest.Run strict = validate(concat(new String[]{"--cache-dir", cache.toString(), "--format", "json", "--require-profile"}, inputs));
        assertTrue(strict.err().contains("0 from the result cache"), "another option misses: " + strict.err());
        assertEquals(ExitCode.CONTENT_ERRORS, strict.exitCode());

        Path otherPackage = temp.resolve("other.tgz");
        byte[] bytes = Files.readAllBytes(packageFile);
        Files.write(otherPackage, bytes);
        List<String> args = new ArrayList<>(List.of("validate", "-p", temp.toString(), "--package", otherPackage.toString(),
                "--cache-dir", cache.toString(), "--format", "json"));
        args.addAll(List.of(inputs));
        ValidatePackageCommandTest.Run samePackageBytes = ValidatePackageCommandTest.nexehrs(args.toArray(String[]::new));
        assertTrue(samePackageBytes.err().contains("2 from the result cache"), "keyed by the package's content, not its path: " + samePackageBytes.err());
        args.addAll(3, List.of("--package", packageFile.toString()));
        ValidatePackageCommandTest.Run changed = ValidatePackageCommandTest.nexehrs(args.toArray(String[]::new));
        assertTrue(changed.err().contains("0 from the result cache"), "other packages miss: " + changed.err());
    }

    @Test
    void japaneseMessagesComeFromTheLibrarysTranslationsAndOursWithTheSameVerdicts() throws Exception {
        String claims = files.resolve("claims.json").toString();
        String unclaimed = files.resolve("unclaimed.json").toString();
        ValidatePackageCommandTest.Run english = validate("--no-cache", "--format", "json", claims, unclaimed);
        ValidatePackageCommandTest.Run japanese = validate("--no-cache", "--format", "json", "--lang", "ja", claims, unclaimed);
        assertEquals(english.exitCode(), japanese.exitCode());
        JsonNode en = json(english).get("findings");
        JsonNode ja = json(japanese).get("findings");
        assertEquals(en.size(), ja.size());
        for (int i = 0; i < en.size(); i++) {
            assertEquals(en.get(i).get("severity"), ja.get(i).get("severity"), "the same verdicts in any language");
            assertEquals(en.get(i).get("line"), ja.get(i).get("line"));
        }
        String text = ja.toString();
        assertTrue(text.contains("最小必要値 = 1、見つかった値 = 0"), "the library's Japanese for a missing element: " + text);
        assertTrue(text.contains("提供されたcodingのいずれもが"), "the library's Japanese for a bad code: " + text);
        assertTrue(text.contains("FHIR R4 の基底定義だけで検証しました"), "ours in Japanese: " + text);
        assertTrue(japanese.err().contains("検証失敗: エラー 2 件"), japanese.err());

        ValidatePackageCommandTest.Run badLang = validate("--no-cache", "--lang", "fr", claims);
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, badLang.exitCode());
    }

    @Test
    void theDefaultLanguageIsTheProjectsThenTheUsers() throws Exception {
        Path project = TestProjects.copyMinimal(temp.resolve("ja-project"));
        Path config = project.resolve("nexehrs.yaml");
        Files.writeString(config, Files.readString(config).replaceAll("(?m)^language:.*\n", "") + "language: ja\n");
        assertEquals("ja", jp.nexehrs.validation.MessageLanguage.defaultFor(Files.createDirectories(project.resolve("sub")), java.util.Locale.ENGLISH).getLanguage());
        Path none = Files.createDirectories(temp.resolve("no-project"));
        assertEquals("ja", jp.nexehrs.validation.MessageLanguage.defaultFor(none, java.util.Locale.JAPAN).getLanguage());
        assertEquals("en", jp.nexehrs.validation.MessageLanguage.defaultFor(none, java.util.Locale.GERMANY).getLanguage());
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static long entries(Path cache) throws Exception {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static List<Integer> lines(JsonNode resources) {
        List<Integer> lines = new ArrayList<>();
        for (JsonNode r : resources) lines.add(r.get("line").asInt());
        return lines;
    }

    private static boolean hasError(JsonNode report, String file, int line, String text) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("severity").asText().equals("error") && f.get("file").asText().equals(file) && f.get("line").asInt() == line
                    && f.get("message").asText().contains(text)) return true;
        }
        return false;
    }
}
