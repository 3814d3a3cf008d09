package jp.nexehrs.produce;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FHIR NPM package of the fixture: its layout, its index, and that the FHIR tooling can read and use it. */
class NpmPackageTest {
    private static final String PACKAGE = "build/package/example.minimal-1.0.0.tgz";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static byte[] tgz;
    private static byte[] secondTgz;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void packageTwice() throws Exception {
        tgz = packageOf(TestProjects.copyMinimal(dir.resolve("first")));
        secondTgz = packageOf(TestProjects.copyMinimal(dir.resolve("second")));
        entries = untar(tgz);
    }

    private static byte[] packageOf(Path root) throws Exception {
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
            assertFalse(outcome.failed(), describe(outcome.findings()));
        }
        return Files.readAllBytes(root.resolve(PACKAGE));
    }

    private static Map<String, byte[]> untar(byte[] tgz) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isDirectory()) files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }

    private static JsonNode json(String entry) throws IOException {
        byte[] bytes = entries.get(entry);
        assertTrue(bytes != null, "no " + entry + " in " + entries.keySet());
        return JSON.readTree(bytes);
    }

    @Test
    void packageJsonDescribesThePackage() throws Exception {
        JsonNode pkg = json("package/package.json");

        assertEquals("example.minimal", pkg.get("name").asText());
        assertEquals("1.0.0", pkg.get("version").asText());
        assertEquals("http://example.org/fhir", pkg.get("canonical").asText());
        assertEquals(List.of("4.0.1"), JSON.convertValue(pkg.get("fhirVersions"), List.class));
        assertEquals("4.0.1", pkg.get("dependencies").get("hl7.fhir.r4.core").asText());
    }

    @Test
    void theEntriesAreTheConformanceResourcesAndTheExamples() {
        assertEquals(new TreeSet<>(Set.of(
                "package/package.json", "package/.index.json",
                "package/StructureDefinition-minimal-patient.json", "package/ValueSet-minimal-marital-status.json",
                "package/CodeSystem-minimal-marital.json", "package/ImplementationGuide-example.minimal.json",
                "package/other/validation-summary.json",
                "package/example/.index.json", "package/example/Patient-hanako.json")), new TreeSet<>(entries.keySet()),
                "no invalid examples, nothing outside package/");
    }

    @Test
    void eachIndexListsEveryResourceInItsFolder() throws Exception {
        for (String folder : List.of("package", "package/example")) {
            JsonNode index = json(folder + "/.index.json");
            Set<String> listed = new TreeSet<>();
            for (JsonNode file : index.get("files")) {
                listed.add(file.get("filename").asText());
                JsonNode resource = json(folder + "/" + file.get("filename").asText());
                assertEquals(resource.get("resourceType").asText(), file.get("resourceType").asText());
                assertEquals(resource.get("id").asText(), file.get("id").asText());
                if (resource.has("url")) assertEquals(resource.get("url").asText(), file.get("url").asText());
            }
            Set<String> inTar = entries.keySet().stream()
                    .filter(e -> e.startsWith(folder + "/") && e.indexOf('/', folder.length() + 1) < 0)
                    .map(e -> e.substring(folder.length() + 1))
                    .filter(n -> !n.equals("package.json") && !n.equals(".index.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(inTar, listed, folder + "/.index.json");
            assertEquals(2, index.get("index-version").asInt());
        }
    }

    @Test
    void profilesInThePackageHaveSnapshots() throws Exception {
        JsonNode profile = json("package/StructureDefinition-minimal-patient.json");

        assertTrue(profile.has("snapshot"), "snapshot");
        assertTrue(profile.has("differential"), "differential kept");
        boolean identifierRequired = false;
        for (JsonNode element : profile.get("snapshot").get("element")) {
            if (element.get("path").asText().equals("Patient.identifier")) identifierRequired = element.get("min").asInt() == 1;
        }
        assertTrue(identifierRequired, "Patient.identifier min 1 in the snapshot");
    }

    @Test
    void twoBuildsGiveByteIdenticalPackages() {
        assertArrayEquals(tgz, secondTgz);
    }

    /** A build with a site takes each resource's JSON from the site's file beside its page: the same bytes. */
    @Test
    void theSiteBuildsPackageIsThePackageCommandsByteForByte() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("with-site"));
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
            assertFalse(outcome.failed(), describe(outcome.findings()));
        }
        assertArrayEquals(tgz, Files.readAllBytes(root.resolve(PACKAGE)));
    }

    @Test
    void theFhirToolingReadsThePackageAndValidatesWithItsProfile() throws Exception {
        NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(tgz));
        assertEquals("example.minimal", npm.name());
        assertEquals("4.0.1", npm.fhirVersion());
        assertEquals("http://example.org/fhir", npm.canonical());
        assertEquals(List.of("StructureDefinition-minimal-patient.json"), npm.listResources("StructureDefinition"));

        FhirContext context = FhirContext.forR4Cached();
        PrePopulatedValidationSupport fromPackage = new PrePopulatedValidationSupport(context);
        List<IBaseResource> conformance = new ArrayList<>();
        for (String file : npm.listResources("StructureDefinition", "ValueSet", "CodeSystem")) {
            conformance.add(parse(context, npm.load("package", file)));
        }
        conformance.forEach(fromPackage::addResource);
        StructureDefinition profile = (StructureDefinition) conformance.stream()
                .filter(r -> r instanceof StructureDefinition).findFirst().orElseThrow();
        assertTrue(profile.hasSnapshot());

        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context), fromPackage,
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));

        List<String> examples = npm.list("example");
        assertEquals(List.of("Patient-hanako.json"), examples);
        Patient example = (Patient) parse(context, npm.load("example", "Patient-hanako.json"));
        ValidationResult good = validator.validateWithResult(example);
        assertTrue(errorsOf(good).isEmpty(), errorsOf(good).toString());

        Patient broken = example.copy();
        broken.getIdentifier().clear();
        ValidationResult bad = validator.validateWithResult(broken);
        assertTrue(errorsOf(bad).stream().anyMatch(m -> m.contains("minimum required = 1")), errorsOf(bad).toString());
    }

    private static IBaseResource parse(FhirContext context, InputStream in) throws IOException {
        try (in) {
            return context.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> errorsOf(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
