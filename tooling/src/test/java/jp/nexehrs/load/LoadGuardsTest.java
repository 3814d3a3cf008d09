package jp.nexehrs.load;

import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load stage's own rules, each on its own: symbolic links that lead outside the project, the values of
 * nexehrs.yaml that YAML typing cannot check, and file names or folders that contradict the resource inside.
 */
class LoadGuardsTest {
    @TempDir
    Path dir;

    // ---- symbolic links

    @Test
    void aLinkLeadingOutsideTheProjectIsAnErrorAndIsNeverRead() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createDirectories(project.resolve("spec"));
        Files.createSymbolicLink(project.resolve("spec/leak.adoc"), secret);
        Path inside = Files.writeString(project.resolve("spec/real.adoc"), "= 本物\n");
        Files.createSymbolicLink(project.resolve("spec/alias.adoc"), inside);

        List<Finding> findings = new SymlinkGuard().check(project);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertTrue(f.isError());
        assertEquals("spec/leak.adoc", f.file());
        assertTrue(f.message().startsWith("symbolic link leads outside the project (to "), f.message());

        assertFalse(SymlinkGuard.staysInside(project, project.resolve("spec/leak.adoc")));
        assertTrue(SymlinkGuard.staysInside(project, project.resolve("spec/alias.adoc")), "a link to a file inside is fine");
        assertTrue(SymlinkGuard.staysInside(project, inside));
        assertFalse(SymlinkGuard.staysInside(project, project.resolve("spec/absent.adoc")), "what cannot be resolved is not read");
    }

    @Test
    void aDanglingLinkIsAnErrorAndLinksInBuildOutputAreNotLookedAt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("profiles"));
        Files.createSymbolicLink(project.resolve("profiles/gone.json"), dir.resolve("nowhere.json"));
        for (String skipped : List.of("build", ".git", "target", "node_modules")) {
            Files.createDirectories(project.resolve(skipped));
            Files.createSymbolicLink(project.resolve(skipped + "/out"), dir);
        }
        List<Finding> findings = new SymlinkGuard().check(project);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("profiles/gone.json", findings.get(0).file());
        assertTrue(findings.get(0).message().startsWith("symbolic link leads nowhere: "), findings.get(0).message());
    }

    @Test
    void linksAmongTheSourcesOfEitherLayoutAreCheckedAndLinksElsewhereInTheRepositoryAreNot() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "outside");
        Path sharedSpec = Files.createDirectories(dir.resolve("shared-spec"));
        // Not the guide's: a Python virtual environment, tooling, a dangling link in notes.
        Files.createDirectories(project.resolve(".venv/bin"));
        Files.createSymbolicLink(project.resolve(".venv/bin/python"), outside);
        Files.createDirectories(project.resolve("tooling"));
        Files.createSymbolicLink(project.resolve("tooling/cache"), dir);
        Files.createDirectories(project.resolve("notes"));
        Files.createSymbolicLink(project.resolve("notes/gone.md"), dir.resolve("nowhere.md"));
        Files.createSymbolicLink(project.resolve("README.md"), outside);
        // The guide's: FSH under input/, a source folder that is itself a link, a configuration file.
        Files.createDirectories(project.resolve("input/fsh"));
        Files.createSymbolicLink(project.resolve("input/fsh/leak.fsh"), outside);
        Files.createSymbolicLink(project.resolve("spec"), sharedSpec);
        Files.createSymbolicLink(project.resolve("sushi-config.yaml"), outside);
        // Inside a source folder, a folder's name never hides a link (the site's assets are copied whole).
        Files.createDirectories(project.resolve("site-template/assets/build"));
        Files.createSymbolicLink(project.resolve("site-template/assets/build/key"), outside);

        List<String> flagged = new SymlinkGuard().check(project).stream().map(Finding::file).sorted().toList();
        assertEquals(List.of("input/fsh/leak.fsh", "site-template/assets/build/key", "spec", "sushi-config.yaml"), flagged);
    }

    @Test
    void theImplementationGuideIgIniNamesIsNeverReadThroughALinkLeadingOutside() throws Exception {
        Path project = Files.createDirectories(dir.resolve("ig-ini"));
        Path outside = Files.writeString(dir.resolve("guide.json"), "{\"resourceType\": \"ImplementationGuide\", \"packageId\": \"a.b\","
                + " \"url\": \"http://x/ImplementationGuide/a.b\", \"version\": \"1.0.0\"}");
        Files.createSymbolicLink(project.resolve("guide.json"), outside);
        Files.writeString(project.resolve("ig.ini"), "[IG]\nig = guide.json\n");
        SourceException e = assertThrows(SourceException.class, () -> new IgIniConfig().read(project));
        assertEquals("ig.ini names guide.json, which is not there", e.getMessage());
    }

    @Test
    void aProjectFolderThatDoesNotExistIsOneError() {
        List<Finding> findings = new SymlinkGuard().check(dir.resolve("absent"));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("cannot resolve the project folder: "), findings.get(0).message());
    }

    // ---- nexehrs.yaml values

    private static ProjectConfig config(String id, String canonical, String version, String fhirVersion, String status,
                                        List<Suppression> suppress, List<ProjectConfig.Dependency> dependencies) {
        return new ProjectConfig(id, canonical, version, fhirVersion, new ProjectConfig.Title("仕様", "Spec"), status,
                "出版者", "CC0-1.0", null, null, dependencies, suppress, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ProjectConfig config(String id, String canonical, String version, String fhirVersion, String status) {
        return config(id, canonical, version, fhirVersion, status, List.of(), List.of());
    }

    private static String rejected(ProjectConfig config) {
        SourceException e = assertThrows(SourceException.class, () -> new ConfigValidator(ProjectLoader.CONFIG_FILE, "").validate(config));
        assertEquals(ProjectLoader.CONFIG_FILE, e.file());
        return e.getMessage();
    }

    /** The one warning a config that breaks a naming convention gets; it still builds. */
    private static String warned(ProjectConfig config) throws SourceException {
        List<Finding> warnings = new ConfigValidator(ProjectLoader.CONFIG_FILE, "").validate(config);
        assertEquals(1, warnings.size(), warnings.toString());
        return warnings.get(0).message();
    }

    @Test
    void aGoodConfigPasses() throws SourceException {
        assertEquals(List.of(), new ConfigValidator(ProjectLoader.CONFIG_FILE, "").validate(config("jp.nexehrs.plan", "https://nexehrs.jp/fhir",
                "1.3.0-ballot1", "4.0.1", "active", List.of(new Suppression("m", "profiles/a.json", "why")),
                List.of(new ProjectConfig.Dependency("jp-core.r4", "1.1.2", null)))));
        assertEquals(List.of(), new ConfigValidator(ProjectLoader.CONFIG_FILE, "").validate(config("a.b", "http://x", "0.1.0", "4.0.1", "draft")));
        assertEquals(List.of(), new ConfigValidator(ProjectLoader.CONFIG_FILE, "").validate(config("a.b", "http://x", "0.1.0", "4.0.1", "retired")));
    }

    @Test
    void requiredValuesMustNotBeBlank() {
        assertEquals("'id' must not be empty", rejected(config(" ", "http://x", "1.0.0", "4.0.1", "draft")));
        assertEquals("'canonical' must not be empty", rejected(config("a.b", null, "1.0.0", "4.0.1", "draft")));
        assertEquals("'version' must not be empty", rejected(config("a.b", "http://x", "", "4.0.1", "draft")));
    }

    @Test
    void eachValueIsCheckedAgainstItsRule() throws SourceException {
        // Published guides break the naming conventions (jp-eCSCLINS.r4, 1.x.x-temp): warnings, not errors.
        assertTrue(warned(config("Example", "http://x", "1.0.0", "4.0.1", "draft")).startsWith("id 'Example' does not follow the FHIR package naming convention"));
        assertTrue(warned(config("nodots", "http://x", "1.0.0", "4.0.1", "draft")).startsWith("id 'nodots'"));
        assertTrue(warned(config("a.b", "http://x", "1.0", "4.0.1", "draft")).startsWith("version '1.0' is not a semantic version"));
        assertTrue(rejected(config("a b", "http://x", "1.0.0", "4.0.1", "draft")).startsWith("id 'a b' cannot name a package"));
        assertTrue(rejected(config("a.b", "http://x", "1.0.0", "5.0.0", "draft")).startsWith("fhirVersion '5.0.0' is not supported"));
        assertTrue(rejected(config("a.b", "http://x/", "1.0.0", "4.0.1", "draft")).contains("without a trailing slash"));
        assertTrue(rejected(config("a.b", "ftp://x", "1.0.0", "4.0.1", "draft")).startsWith("canonical 'ftp://x' must be an http(s) URL"));
        assertTrue(rejected(config("a.b", "http://x", "1.0.0", "4.0.1", "final")).startsWith("status 'final' must be one of"));
    }

    @Test
    void suppressEntriesNeedAReasonAndAMessageAndDependenciesAValidId() throws SourceException {
        assertEquals("every suppress entry needs a reason", rejected(config("a.b", "http://x", "1.0.0", "4.0.1", "draft",
                List.of(new Suppression("m", null, " ")), List.of())));
        assertEquals("every suppress entry needs a message to match", rejected(config("a.b", "http://x", "1.0.0", "4.0.1", "draft",
                List.of(new Suppression(null, null, "why")), List.of())));
        assertTrue(warned(config("a.b", "http://x", "1.0.0", "4.0.1", "draft", List.of(), List.of(new ProjectConfig.Dependency("JP", "1.0.0", null))))
                .startsWith("dependency id 'JP' does not follow the FHIR package naming convention"));
        assertTrue(rejected(config("a.b", "http://x", "1.0.0", "4.0.1", "draft", List.of(), List.of(new ProjectConfig.Dependency("j/p", "1.0.0", null))))
                .startsWith("dependency id 'j/p' cannot name a package"));
    }

    @Test
    void optionalConfigValuesHaveDefaults() {
        ProjectConfig config = config("a.b", "http://x", "1.0.0", "4.0.1", "draft", null, null);
        assertEquals(List.of(), config.suppress());
        assertEquals(List.of(), config.dependencies());
        assertEquals("", config.description());
        assertEquals("", config.repository());
        assertFalse(config.wantsPdf(), "PDFs are off unless asked for");
        assertEquals(List.of("http://x"), config.ownBases());
        assertEquals(ProjectConfig.MissingDependencies.ERROR, config.missingDependencies(), "a missing package stops the build unless asked");
        assertEquals(ProjectConfig.FileNames.FREE, config.fileNames(), "files are named freely unless asked");
        assertEquals("a.b-1.0.0.tgz", config.packageFileName());
        assertTrue(new ProjectConfig("a.b", "http://x", "1.0.0", "4.0.1", new ProjectConfig.Title("仕様", "Spec"), "draft",
                "出版者", "CC0-1.0", null, null, null, null, true, null, null, null, null, null, null, null, null, null, null, null).wantsPdf(), "pdf: true asks for PDFs on every build");
        assertEquals("jp-core.r4#1.1.2", new LoadedPackage("jp-core.r4", "1.1.2", "x", List.of()).label());
    }

    // ---- file names

    private static FhirSource source(String file, String type) {
        return new FhirSource(file, FhirSource.Role.CONFORMANCE, ResourceFormat.JSON, "{}", null, type, "x", "", List.of());
    }

    @Test
    void aSourceGivesBackTheResourceItHolds() {
        org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
        FhirSource source = new FhirSource("profiles/examples/Patient-p.json", FhirSource.Role.EXAMPLE, ResourceFormat.JSON, "{}",
                patient, "Patient", "p", "", List.of());
        org.junit.jupiter.api.Assertions.assertSame(patient, source.resource());
    }

    @Test
    void aFileNamedForOneTypeHoldingAnotherIsAnError() {
        List<Finding> findings = FileNaming.check(source("profiles/examples/Observation-x.json", "Patient"));
        assertEquals(1, findings.size());
        assertEquals("the file name says Observation but it holds a Patient", findings.get(0).message());
        assertEquals("profiles/examples/Observation-x.json", findings.get(0).file());
        assertEquals(List.of(), FileNaming.check(source("profiles/examples/Patient-x.json", "Patient")));
        assertEquals(List.of(), FileNaming.check(source("profiles/examples/patient-x.json", "Observation")), "lower case: not a type name");
        assertEquals(List.of(), FileNaming.check(source("profiles/examples/Patient2-x.json", "Observation")), "not only letters: not a type name");
        assertEquals(List.of(), FileNaming.check(source("profiles/examples/-x.json", "Observation")));
        assertEquals(List.of(), FileNaming.check(source("profiles/examples/Patient.json", "Observation")), "no dash: no type named");
    }

    @Test
    void aResourceInTheFolderOfAnotherTypeIsAnError() {
        List<Finding> findings = FileNaming.check(source("profiles/valuesets/cs.json", "CodeSystem"));
        assertEquals(List.of("a CodeSystem in the valuesets folder, which holds ValueSet resources"),
                findings.stream().map(Finding::message).toList());
        assertEquals(1, FileNaming.check(source("profiles/structuredefinitions/vs.json", "ValueSet")).size());
        assertEquals(1, FileNaming.check(source("profiles/codesystems/sd.json", "StructureDefinition")).size());
        assertEquals(List.of(), FileNaming.check(source("profiles/valuesets/vs.json", "ValueSet")));
        assertEquals(List.of(), FileNaming.check(source("profiles/other/vs.json", "CodeSystem")), "other folders hold anything");
        assertEquals(List.of(), FileNaming.check(source("valuesets/vs.json", "CodeSystem")), "only folders under profiles/");
    }

    @Test
    void aSourceKeepsItsTextAndKey() {
        FhirSource source = new FhirSource("profiles/a.json", FhirSource.Role.EXAMPLE, ResourceFormat.JSON, "{\"a\":\"仮名\"}", null,
                "Patient", "p1", null, List.of("http://x/p"));
        assertEquals("{\"a\":\"仮名\"}", source.text());
        assertEquals("{\"a\":\"仮名\"}", new String(source.utf8(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("Patient-p1", source.key());
        assertEquals("", source.url());
        assertEquals(List.of("http://x/p"), source.claimedProfiles());
    }
}
