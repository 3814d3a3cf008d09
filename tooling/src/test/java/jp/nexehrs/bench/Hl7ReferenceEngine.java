package jp.nexehrs.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.ByteProvider;
import org.hl7.fhir.utilities.FhirPublication;
import org.hl7.fhir.utilities.TimeTracker;
import org.hl7.fhir.utilities.npm.CommonPackages;
import org.hl7.fhir.utilities.npm.FilesystemPackageCacheManager;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.npm.PackageGenerator;
import org.hl7.fhir.validation.ValidationEngine;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.hl7.fhir.validation.service.StandAloneValidatorFetcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HL7 validator's own engine ({@code org.hl7.fhir.validation.ValidationEngine}, the engine of validator_cli.jar,
 * from the same org.hl7.fhir 6.7.9 jars as ours), set up as the CLI sets it up with {@code -tx n/a}, offline. Its
 * package cache is a folder seeded here: {@code hl7.fhir.r4.core#4.0.1} written in NPM layout from HAPI's R4
 * definitions (no registry serves that package here) and the empty cross-version package the engine always loads.
 * The approach is the one of ../shared/tools/peer-validator.
 */
public final class Hl7ReferenceEngine {
    static final String CORE_ID = "hl7.fhir.r4.core";
    static final String CORE_VERSION = "4.0.1";
    private final ValidationEngine engine;

    /**
     * @param igs packages (.tgz or folders) loaded as the CLI's {@code -ig}; the JVM's {@code user.home} must be the
     *            seeded folder (the engine always uses {@code <user.home>/.fhir/packages})
     */
    public Hl7ReferenceEngine(List<Path> igs) throws Exception {
        engine = new ValidationEngine.ValidationEngineBuilder()
                .withVersion(CORE_VERSION)
                .withTimeTracker(new TimeTracker())
                .withUserAgent("nexehrs-benchmark")
                .withNoTerminologyServer()
                .fromSource(CORE_ID + "#" + CORE_VERSION);
        engine.setTerminologyServer(null, null, FhirPublication.R4, false);
        engine.setDebug(false);
        for (Path ig : igs) engine.getIgLoader().loadIg(engine.getIgs(), engine.getBinaries(), ig.toString(), false);
        engine.setDoNative(false);
        engine.setLanguage(null);
        engine.setLocale(Locale.ENGLISH);
        engine.setSnomedExtension("900000000000207008");
        engine.setNoExtensibleBindingMessages(false);
        engine.setDisplayWarnings(false);
        // The CLI's default: the stand-alone fetcher, references not followed.
        StandAloneValidatorFetcher fetcher = new StandAloneValidatorFetcher(engine.getPcm(), engine.getContext(), engine);
        engine.setFetcher(fetcher);
        engine.getContext().setLocator(fetcher);
        engine.setPolicyAdvisor(fetcher);
        fetcher.setReferencePolicy(ReferenceValidationPolicy.IGNORE);
        engine.getPolicyAdvisor().setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(
                engine.getPolicyAdvisor().getReferencePolicy(), engine.getCheckReferencesTo()));
        engine.prepare();
    }

    /** Validates one JSON resource against its {@code meta.profile}; returns the number of fatal and error issues. */
    public long errors(String name, String json) throws Exception {
        return errorMessages(name, json).size();
    }

    /** The fatal and error issues of one JSON resource validated against its {@code meta.profile}: location and text. */
    public List<String> errorMessages(String name, String json) throws Exception {
        OperationOutcome outcome = engine.validate(name, ByteProvider.forBytes(json.getBytes(StandardCharsets.UTF_8)),
                FhirFormat.JSON, List.of(), null);
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
                .map(i -> i.getExpression().stream().map(e -> e.getValue()).findFirst().orElse("") + ": " + i.getDetails().getText())
                .toList();
    }

    /** Puts the R4 core package and the cross-version stub into {@code <home>/.fhir/packages}, unless there already. */
    public static void seedPackageCache(Path home) throws IOException {
        Path folder = home.resolve(".fhir").resolve("packages");
        Files.createDirectories(folder);
        FilesystemPackageCacheManager cache = new FilesystemPackageCacheManager.Builder()
                .withCacheFolder(folder.toString()).withPackageServers(List.of()).build();
        if (!cache.packageInstalled(CORE_ID, CORE_VERSION)) {
            cache.addPackageToCache(CORE_ID, CORE_VERSION, new ByteArrayInputStream(r4CorePackage()), "hapi-fhir-validation-resources-r4");
        }
        if (!cache.packageInstalled(CommonPackages.ID_XVER, CommonPackages.VER_XVER)) {
            // ValidationEngine always loads this package; offline it can only be empty (it adds cross-version extensions).
            NpmPackage stub = NpmPackage.empty(new PackageGenerator().name(CommonPackages.ID_XVER).version(CommonPackages.VER_XVER)
                    .fhirVersions(List.of("5.0.0")).kind(PackageGenerator.PackageType.IG).description("empty offline stub"));
            stub.addFile("package", "placeholder.txt", new byte[0], "Binary");
            cache.addPackageToCache(CommonPackages.ID_XVER, CommonPackages.VER_XVER, new ByteArrayInputStream(bytesOf(stub)), "stub");
        }
    }

    /** hl7.fhir.r4.core#4.0.1 as an NPM package (.tgz bytes): every resource HAPI's R4 definitions hold. */
    private static byte[] r4CorePackage() throws IOException {
        FhirContext context = FhirContext.forR4Cached();
        PackageGenerator generator = new PackageGenerator().name(CORE_ID).version(CORE_VERSION)
                .kind(PackageGenerator.PackageType.CORE).fhirVersions(List.of(CORE_VERSION)).license("CC0-1.0")
                .description("FHIR R4 core definitions re-packaged offline from hapi-fhir-validation-resources-r4");
        generator.getRootJsonObject().add("canonical", "http://hl7.org/fhir");
        NpmPackage core = NpmPackage.empty(generator);
        IParser json = context.newJsonParser();
        DefaultProfileValidationSupport definitions = new DefaultProfileValidationSupport(context);
        // It loads lazily: these two calls load every StructureDefinition, CodeSystem and ValueSet.
        definitions.fetchAllStructureDefinitions();
        definitions.fetchCodeSystem("http://hl7.org/fhir/administrative-gender");
        Set<String> files = new HashSet<>();
        for (IBaseResource resource : definitions.fetchAllConformanceResources()) {
            String type = context.getResourceType(resource);
            String id = resource.getIdElement().getIdPart();
            String file = type + "-" + id + ".json";
            if (id != null && files.add(file)) {
                core.addFile("package", file, json.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8), type);
            }
        }
        if (files.size() < 1000) throw new IllegalStateException("only " + files.size() + " R4 core resources found in HAPI's definitions");
        return bytesOf(core);
    }

    private static byte[] bytesOf(NpmPackage npmPackage) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        npmPackage.save(bytes);
        return bytes.toByteArray();
    }
}
