package jp.nexehrs.pipeline;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.bench.BenchmarkProjects;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JP Core 1.2.0 and its Japanese terminology guide built from their FSH with the real SUSHI, chained as an editor
 * would: the terminology guide builds its package, which JP Core then names as its {@code jpfhir-terminology.r4}
 * dependency by path; every value-set name the package defines then resolves. Without that package, the value-set
 * names SUSHI cannot resolve are warnings naming it.
 * Prints the findings by message and SUSHI's share of the time, for the figures on the issue.
 * <p>
 * Its three tests compile different inputs (SUSHI is the time, in a Node process of its own on one core) and share
 * nothing but the installed SUSHI and the R4 core package in the tools cache, made ready once before them: they run
 * side by side, each on one of the two cores (surefire's {@code configurationParameters} enable JUnit's parallel
 * execution for tests that ask for it). The class itself is {@code SAME_THREAD}: it never overlaps another class,
 * whose output capture (TestProjects.runCli swaps System.out) its progress lines would otherwise land in.
 */
@Execution(ExecutionMode.SAME_THREAD)
class JpCoreFromFshTest {
    /** SUSHI's words for a name of the terminology package it cannot resolve. */
    private static final String UNRESOLVED = "is not a valid URI";

    @TempDir
    Path dir;
    private BenchmarkProjects projects;

    /**
     * SUSHI installed and the R4 core package seeded before the tests run side by side, so that they never race to put
     * them in place (what a first build does alone otherwise).
     */
    @BeforeAll
    static void toolsReady() throws Exception {
        assumeTrue(Files.isDirectory(CorpusFixtures.jpCore112().getParent().resolve("jp-core/input/fsh")), "SKIPPED: ../shared/corpus/jp-core is absent");
        assumeTrue(NodeTools.inUserCache().nodeMajorVersion().isPresent(),
                "SKIPPED: Node.js is not installed on this machine, so SUSHI cannot compile JP Core's FSH");
        NodeTools.inUserCache().install("sushi", "JpCoreFromFshTest compiles JP Core's FSH with SUSHI");
        new PackageSeeder(new FhirEngine()).seedCore(PackageSeeder.toolsCache());
    }

    @BeforeEach
    void needsTheCorpusAndNode() {
        Path corpus = CorpusFixtures.jpCore112().getParent();
        assumeTrue(Files.isDirectory(corpus.resolve("jp-core/input/fsh")), "SKIPPED: ../shared/corpus/jp-core is absent");
        assumeTrue(NodeTools.inUserCache().nodeMajorVersion().isPresent(),
                "SKIPPED: Node.js is not installed on this machine, so SUSHI cannot compile JP Core's FSH");
        projects = new BenchmarkProjects(corpus);
    }

    /** The terminology guide's one error, which SUSHI finds: a stray '$' on the last line of a file. */
    private static final String STRAY_DOLLAR = "fsh/example-CS-VS/JP_MedicationExampleLineComment_VS.fsh";

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theTerminologyGuideAsItIsHasOneErrorTheStrayDollar() throws Exception {
        Path terminology = projects.writeJpTerminologyFromFsh(dir.resolve("terminology"));
        Outcome asItIs = build(terminology, Goal.PACKAGE, Optional.empty());
        report("jpfhir-terminology from FSH, as it is", asItIs);
        assertEquals(List.of(STRAY_DOLLAR + ":12"), TestProjects.errors(asItIs.findings()).stream().map(f -> f.file() + ":" + f.line()).toList(),
                TestProjects.describe(TestProjects.errors(asItIs.findings())));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theTerminologyGuideBuildsItsPackageAndJpCoreResolvesEveryNameWithIt() throws Exception {
        Path terminology = projects.writeJpTerminologyFromFsh(dir.resolve("terminology"));
        // Its editor removes the stray '$' (the test above shows it is the guide's one error).
        Path file = terminology.resolve(STRAY_DOLLAR);
        String asItIs = Files.readString(file);
        Files.writeString(file, asItIs.replaceFirst("\\n\\$\\s*$", "\n"));
        assertNotEquals(asItIs, Files.readString(file), "the stray '$' was there to remove");

        Outcome built = build(terminology, Goal.PACKAGE, Optional.empty());
        report("jpfhir-terminology from FSH, the stray '$' removed", built);
        assertEquals(List.of(), TestProjects.errors(built.findings()), TestProjects.describe(TestProjects.errors(built.findings())));
        Map<String, Long> types = built.checked().converted().conformance().stream()
                .collect(Collectors.groupingBy(a -> a.source().resourceType(), Collectors.counting()));
        assertEquals(23L, types.get("CodeSystem"), types.toString());
        assertEquals(43L, types.get("ValueSet"), types.toString());
        Path terminologyPackage = terminology.resolve("build/package/" + BenchmarkProjects.JP_TERMINOLOGY_ID + "-"
                + BenchmarkProjects.JP_TERMINOLOGY_VERSION + ".tgz");
        assertTrue(Files.isRegularFile(terminologyPackage), "the package is where the editor finds it: " + terminologyPackage);

        Path jpCore = projects.writeJpCore120FromFsh(dir.resolve("jp-core"), Optional.of(terminologyPackage));
        Outcome outcome = build(jpCore, Goal.VALIDATE, Optional.empty());
        report("JP Core 1.2.0 from FSH, with the terminology package", outcome);
        // The corpus's terminology sources define 43 of the value sets the real package has: every name they define
        // now resolves (24 of the 52), and the 28 left are names of value sets those sources do not define.
        Set<String> defined = built.checked().converted().conformance().stream().filter(a -> a.source().resourceType().equals("ValueSet"))
                .flatMap(a -> Stream.of(a.source().id(), ((ValueSet) a.resource()).getName())).collect(Collectors.toSet());
        List<Finding> unresolved = outcome.findings().stream().filter(f -> f.message().contains(UNRESOLVED)).toList();
        for (Finding finding : unresolved) {
            Matcher name = Pattern.compile("Resolved value \"([^\"]+)\"").matcher(finding.message());
            assertTrue(name.find() && !defined.contains(name.group(1)), "a name the terminology package defines: " + finding.toLine());
        }
        assertEquals(28, unresolved.size(), TestProjects.describe(unresolved));
        assertTrue(outcome.checked().converted().conformance().size() >= 70 + 41 + 24 + 17, "SUSHI's profiles, extensions, value sets and code systems");
        assertTrue(outcome.checked().examples().size() >= 76, "the examples: " + outcome.checked().examples().size());
        assertTrue(outcome.findings().stream().filter(f -> f.file().endsWith(".json")).noneMatch(f -> f.file().startsWith("fsh-generated/")),
                "every finding on a generated resource is placed on its FSH file");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void withoutTheTerminologyPackageTheUnresolvedNamesAreWarningsThatNameIt() throws Exception {
        Path jpCore = projects.writeJpCore120FromFsh(dir.resolve("jp-core"), Optional.empty());
        Outcome outcome = build(jpCore, Goal.VALIDATE, Optional.of(ProjectConfig.MissingDependencies.WARN));
        report("JP Core 1.2.0 from FSH, without the terminology package", outcome);
        List<Finding> unresolved = outcome.findings().stream().filter(f -> f.message().contains(UNRESOLVED)).toList();
        // SUSHI run by hand with the guide's sushi-config.yaml also says it failed to load the package (a 53rd error);
        // nexehrs does not give SUSHI a dependency that is not on the machine.
        assertEquals(52, unresolved.size(), TestProjects.describe(unresolved));
        for (Finding finding : unresolved) {
            assertEquals(Severity.WARNING, finding.severity(), finding.toLine());
            assertTrue(finding.message().contains(BenchmarkProjects.JP_TERMINOLOGY_ID + "#" + BenchmarkProjects.JP_TERMINOLOGY_VERSION), finding.toLine());
            assertTrue(finding.file().startsWith("input/fsh/") && finding.line() > 0, finding.toLine());
        }
    }

    private static Outcome build(Path root, Goal goal, Optional<ProjectConfig.MissingDependencies> missing) throws Exception {
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L, Toolkit.Caching.OFF, missing)) {
            return new Pipeline(toolkit, message -> System.out.println("  " + message)).run(root, goal);
        }
    }

    /** The findings by message (as {@link CorpusGuidesTest} prints them) and the stage timings, SUSHI's share among them. */
    private static void report(String guide, Outcome outcome) {
        CorpusGuidesTest.report(guide, outcome);
        System.out.println(outcome.timings().table());
    }
}
