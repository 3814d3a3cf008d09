package jp.nexehrs.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.report.Finding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator oracle: the FHIR validator's own test cases ({@code org.hl7.fhir.testcases:fhir-test-cases:1.7.5},
 * {@code validator/manifest.json}), R4 only, run through this project's {@link InstanceValidator} with the
 * settings the HL7 test harness gives each case (its defaults and the case's options; see {@link #HARNESS_DEFAULTS}
 * for the one setting where the build differs) and a {@link ConformanceSupport} holding each case's supporting
 * profiles, value sets, code systems, Questionnaires and the like. A step (the base validation, or validation against the case's profile) agrees
 * when our error count is zero exactly when the expected one is. Cases the offline engine cannot run as the
 * reference runner does are excluded with their reason. Prints one line per step and the totals.
 */
class ValidatorOracleTest {
    private static final String FOLDER = "/org/hl7/fhir/testcases/validator/";
    /**
     * The goal of issue 3, met with HAPI 8.8.1 / org.hl7.fhir 6.7.9 (339/354 = 95.8%, see tooling/BENCHMARKS.md):
     * a floor, so a regression fails.
     */
    static final double MIN_VERDICT_AGREEMENT = 0.95;
    /** Manifest options our InstanceValidator has no matching setting for (values other than the defaults). */
    private static final Set<String> UNSUPPORTED_OPTIONS = Set.of("security-checks", "bundle-param", "allow-comments",
            "noHtmlInMarkdown", "for-publication", "no-experimental-content", "wrong-displays", "validateContains",
            "package-map", "ips", "language", "generate-shapshot", "no-tx");
    /**
     * The HL7 test harness's settings where a case states nothing: undefined extensions under example.org and
     * acme.com are accepted ("allow examples"). The one deliberate difference of the build: it does not accept them
     * ({@link ValidationSetup#forBuild()}), so a published example cannot carry an extension nobody defined.
     */
    private static final ValidationSetup HARNESS_DEFAULTS = new ValidationSetup(true, List.of(), Optional.empty(), false);
    /** An extension of another FHIR version, {@code http://hl7.org/fhir/5.0/StructureDefinition/extension-...}. */
    private static final Pattern CROSS_VERSION_EXTENSION = Pattern.compile("hl7\\.org/fhir/\\d\\.\\d/StructureDefinition/extension-");
    private static final Set<String> LOGICAL_MODULES = Set.of("cda", "cdshooks", "logical", "shc");

    private final ObjectMapper json = new ObjectMapper();
    private final FhirEngine engine = new FhirEngine();

    /** One validation with an expected outcome. */
    private record Step(String caseName, String kind, String file, Optional<String> profile, List<String> supporting,
                        ValidationSetup settings, JsonNode expected) {
        String label() {
            return caseName + (kind.equals("base") ? "" : " [" + kind + "]");
        }
    }

    private record Outcome(Step step, long expectedErrors, long actualErrors, String firstError) {
        boolean verdictAgrees() {
            return (expectedErrors == 0) == (actualErrors == 0);
        }

        boolean countAgrees() {
            return expectedErrors == actualErrors;
        }
    }

    @Test
    void ourValidatorAgreesWithTheReferenceOutcomes() throws Exception {
        JsonNode manifest = json.readTree(resource("manifest.json"));
        assertNotNull(manifest, "fhir-test-cases is on the test classpath");
        Map<String, Integer> excluded = new TreeMap<>();
        List<Step> steps = new ArrayList<>();
        for (JsonNode testCase : manifest.get("test-cases")) {
            String version = testCase.path("version").asText("5.0");
            if (!version.startsWith("4.0")) continue;
            String reason = exclusion(testCase);
            if (reason != null) {
                excluded.merge(reason, 1, Integer::sum);
                continue;
            }
            List<String> supporting = new ArrayList<>();
            testCase.path("profiles").forEach(p -> supporting.add(p.asText()));
            testCase.path("supporting").forEach(p -> supporting.add(p.asText()));
            addStep(steps, excluded, new Step(testCase.get("name").asText(), "base", testCase.get("file").asText(),
                    Optional.empty(), supporting, settingsOf(testCase, testCase), testCase.path("java")));
            JsonNode profile = testCase.path("profile");
            if (profile.has("source")) {
                if (profile.has("packages")) {
                    excluded.merge("profile step needs a registry package (network)", 1, Integer::sum);
                    continue;
                }
                List<String> withProfile = new ArrayList<>(supporting);
                withProfile.add(profile.get("source").asText());
                profile.path("supporting").forEach(p -> withProfile.add(p.asText()));
                addStep(steps, excluded, new Step(testCase.get("name").asText(), "profile", testCase.get("file").asText(),
                        Optional.of(profile.get("source").asText()), withProfile, settingsOf(testCase, profile), profile.path("java")));
            }
        }

        List<Outcome> outcomes = run(steps);
        StringBuilder table = new StringBuilder(String.format("%-60s %8s %8s  %s%n", "step", "expected", "ours", "verdict"));
        for (Outcome outcome : outcomes) {
            table.append(String.format("%-60s %8d %8d  %s%s%n", outcome.step().label(), outcome.expectedErrors(), outcome.actualErrors(),
                    outcome.verdictAgrees() ? "agrees" : "DIFFERS", outcome.verdictAgrees() || outcome.firstError().isEmpty() ? "" : ": " + outcome.firstError()));
        }
        long verdicts = outcomes.stream().filter(Outcome::verdictAgrees).count();
        long counts = outcomes.stream().filter(Outcome::countAgrees).count();
        double agreement = (double) verdicts / outcomes.size();
        table.append(String.format("%nsteps run: %d; verdict (zero vs non-zero errors) agrees: %d (%.1f%%); exact error count agrees: %d (%.1f%%)%n",
                outcomes.size(), verdicts, 100.0 * agreement, counts, 100.0 * counts / outcomes.size()));
        table.append("excluded (cases or steps, by reason):\n");
        excluded.forEach((reason, count) -> table.append(String.format("  %4d  %s%n", count, reason)));
        System.out.println(table);
        assertTrue(agreement >= MIN_VERDICT_AGREEMENT, table.toString());
    }

    /** Why a whole case cannot run offline through FhirInstanceValidator as the reference runner runs it, or null. */
    private static String exclusion(JsonNode testCase) {
        if (!testCase.path("use-test").asBoolean(true)) return "disabled in the manifest (use-test: false)";
        String module = testCase.path("module").asText("");
        if (LOGICAL_MODULES.contains(module) || testCase.has("logical")) return "logical model (CDA, CDS Hooks, logical): base unknown to HAPI's generator";
        if (module.equals("package-versioning")) return "package-versioning module";
        if (module.equals("json5")) return "JSON5 input, an option FhirInstanceValidator cannot set";
        if (testCase.has("packages")) return "needs a registry package (network)";
        if (testCase.has("supporting5")) return "R5 supporting content";
        if (testCase.has("validateReference") || testCase.has("fetcher")) return "needs a reference fetcher";
        for (String option : UNSUPPORTED_OPTIONS) {
            if (testCase.has(option)) return "option " + option;
        }
        String file = testCase.path("file").asText();
        if (!file.endsWith(".json") && !file.endsWith(".xml")) return "not a FHIR resource file (SMART Health Card, ndjson)";
        if (testCase.path("tx-dependent").asBoolean(false)) return "needs a terminology server";
        if (CROSS_VERSION_EXTENSION.matcher(read(file)).find()) return "cross-version (xver) extensions";
        return null;
    }

    /**
     * The settings the HL7 harness gives a step: its defaults, and the case's options (the base step and the profile
     * step each state their own assumeValidRestReferences).
     */
    private static ValidationSetup settingsOf(JsonNode testCase, JsonNode step) {
        List<String> extensionDomains = new ArrayList<>();
        if (testCase.has("allowed-extension-domain")) extensionDomains.add(testCase.get("allowed-extension-domain").asText());
        testCase.path("allowed-extension-domains").forEach(domain -> extensionDomains.add(domain.asText()));
        Optional<BestPracticeWarningLevel> bestPractice = testCase.has("best-practice")
                ? Optional.of(BestPracticeWarningLevel.valueOf(testCase.get("best-practice").asText()))
                : HARNESS_DEFAULTS.bestPractice();
        return new ValidationSetup(testCase.path("examples").asBoolean(HARNESS_DEFAULTS.exampleExtensionsAllowed()),
                extensionDomains, bestPractice, step.path("assumeValidRestReferences").asBoolean(false));
    }

    private static void addStep(List<Step> steps, Map<String, Integer> excluded, Step step) {
        JsonNode expected = step.expected();
        if (!expected.has("outcome")) {
            excluded.merge("legacy errorCount-only expectation", 1, Integer::sum);
            return;
        }
        for (JsonNode issue : expected.path("outcome").path("issue")) {
            if (isError(issue) && issue.toString().contains("operationoutcome-issue-server")) {
                excluded.merge("an expected error comes from a terminology server", 1, Integer::sum);
                return;
            }
        }
        steps.add(step);
    }

    private List<Outcome> run(List<Step> steps) throws Exception {
        // Steps without supporting content share one chain and validator: its caches of R4 definitions warm once.
        ConformanceSupport shared = new ConformanceSupport(engine);
        InstanceValidator sharedValidator = new InstanceValidator(shared, HARNESS_DEFAULTS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Step step : steps) {
                boolean shareable = step.supporting().isEmpty() && step.settings().equals(HARNESS_DEFAULTS);
                futures.add(pool.submit(() -> run(step, shareable ? sharedValidator : null)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) outcomes.add(future.get());
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome run(Step step, InstanceValidator sharedValidator) {
        long expected = 0;
        for (JsonNode issue : step.expected().path("outcome").path("issue")) if (isError(issue)) expected++;
        InstanceValidator validator = sharedValidator;
        Optional<String> profileUrl = Optional.empty();
        try {
            if (validator == null) {
                ConformanceSupport support = new ConformanceSupport(engine);
                List<IBaseResource> resources = new ArrayList<>();
                for (String file : step.supporting()) resources.addAll(parseAll(file));
                new DependencyConformance(support, 1).register(List.of(new LoadedPackage("fhir-test-cases", "1.7.5", step.caseName(), resources)));
                validator = new InstanceValidator(support, step.settings());
                if (step.profile().isPresent()) {
                    profileUrl = Optional.of(engine.context().newTerser().getSinglePrimitiveValueOrNull(parse(step.profile().get()), "url"));
                }
            }
        } catch (RuntimeException e) {
            return new Outcome(step, expected, -1, "supporting content could not be read: " + e.getMessage());
        }
        String text = read(step.file());
        ResourceFormat format = step.file().endsWith(".xml") ? ResourceFormat.XML : ResourceFormat.JSON;
        FhirSource source = new FhirSource(step.file(), FhirSource.Role.EXAMPLE, format, text, null, "", "", "", List.of());
        List<Finding> findings;
        try {
            findings = profileUrl.isPresent() ? validator.validate(source, profileUrl.get()) : validator.validate(source);
        } catch (RuntimeException e) {
            // The reference engine reports unreadable content as a fatal issue; HAPI throws.
            return new Outcome(step, expected, 1, "exception: " + e.getMessage());
        }
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        return new Outcome(step, expected, errors.size(), errors.isEmpty() ? "" : errors.get(0).message());
    }

    private static boolean isError(JsonNode issue) {
        String severity = issue.path("severity").asText();
        return severity.equals("error") || severity.equals("fatal");
    }

    /** A supporting file: one resource, or the entries of a Bundle. */
    private List<IBaseResource> parseAll(String file) {
        IBaseResource resource = parse(file);
        if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle && !file.contains("bundle")) {
            return bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).filter(r -> r != null).toList();
        }
        return List.of(resource);
    }

    private IBaseResource parse(String file) {
        String text = read(file);
        return (file.endsWith(".xml") ? engine.context().newXmlParser() : engine.context().newJsonParser()).parseResource(text);
    }

    private static String read(String file) {
        try (InputStream in = resource(file)) {
            if (in == null) throw new IllegalArgumentException("no file " + file + " in fhir-test-cases");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        return ValidatorOracleTest.class.getResourceAsStream(FOLDER + file);
    }
}
