package jp.nexehrs.convert;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.PackageReader;
import jp.nexehrs.report.Finding;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot oracle of issue 3: every StructureDefinition of JP Core 1.1.2 is regenerated from its published
 * differential with our engine (the chain of {@link ConformanceSupport}, in the order of
 * {@link DependencyConformance}) and compared with the published snapshot, element by element, on the fields
 * that must hold: id, path, sliceName, min, max, type codes and profiles, binding strength and value set,
 * fixed[x]/pattern[x], constraint keys, mustSupport. Texts are not compared: the published package was built
 * from a Japanese translation of the core.
 *
 * <p>Known differences, which are deliberate behaviour changes of the newer generator (org.hl7.fhir 6.7.9) and
 * must not be "fixed" by patching it to reproduce the older tool's output:
 * <ul>
 * <li>a binding is dropped where no remaining type can carry one ({@code medication[x]} narrowed to Reference,
 *     {@code asNeeded[x]} to boolean): the published snapshot breaks FHIR's rule eld-11 there, which
 *     {@link Eld11} shows;</li>
 * <li>an extension slice's max is taken from the extension definition's root;</li>
 * <li>child elements of a profiled datatype carry that profile's types;</li>
 * <li>type slicing on {@code value[x]} is forced closed, {@code contentReference} made absolute, and
 *     {@code condition: ele-1} added on extension slices (neither is a compared field).</li>
 * </ul>
 * Reproduce with {@code mvn -B -q -o test -pl tooling -Dtest=SnapshotOracleTest}; the figures are in
 * tooling/BENCHMARKS.md.
 */
class SnapshotOracleTest {
    /** The figures measured with HAPI 8.8.1 / org.hl7.fhir 6.7.9: a floor, so a regression fails the build. */
    static final int MIN_IDENTICAL_PROFILES = 82;
    static final int MIN_IDENTICAL_ELEMENTS = 3443;
    /** Identical, or differing only where the published snapshot breaks FHIR's invariant eld-11 (see below). */
    static final int MIN_CORRECT_PROFILES = 86;

    @Test
    void jpCoreSnapshotsRegeneratedFromDifferentialsMatchThePublishedOnes() throws Exception {
        Path jpCore = CorpusFixtures.jpCore112();
        FhirEngine engine = new FhirEngine();
        PackageReader reader = new PackageReader(engine);
        LoadedPackage published = reader.read(jpCore.resolve("expected/snapshot"));
        // The published definitions with their snapshots removed: exactly the differentials the snapshots came from.
        LoadedPackage differentials = new LoadedPackage(published.id(), published.version(), published.origin(),
                published.conformance().stream().map(SnapshotOracleTest::withoutSnapshot).toList());

        // On one thread, then on two (a level's profiles at once, many of them over the same R4 bases): the same
        // snapshots, byte for byte. Two threads at once over shared definitions once made them differ now and then.
        ConformanceSupport oneThread = new ConformanceSupport(engine);
        long oneThreadStart = System.nanoTime();
        assertEquals(List.of(), new DependencyConformance(oneThread, 1).register(List.of(differentials)), "every differential gets a snapshot");
        long oneThreadMillis = (System.nanoTime() - oneThreadStart) / 1_000_000;
        ConformanceSupport support = new ConformanceSupport(engine);
        long start = System.nanoTime();
        List<Finding> findings = new DependencyConformance(support, 2).register(List.of(differentials));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), findings, "every differential gets a snapshot");

        List<StructureDefinition> expected = published.conformance().stream()
                .filter(StructureDefinition.class::isInstance).map(StructureDefinition.class::cast)
                .sorted(Comparator.comparing(StructureDefinition::getUrl)).toList();
        Eld11 eld11 = new Eld11(support);
        int identicalProfiles = 0;
        int correctProfiles = 0;
        int identicalElements = 0;
        int totalElements = 0;
        StringBuilder report = new StringBuilder();
        for (StructureDefinition publishedDefinition : expected) {
            StructureDefinition generated = (StructureDefinition) support.fetchStructureDefinition(publishedDefinition.getUrl());
            assertEquals(engine.jsonParser().encodeResourceToString(oneThread.fetchStructureDefinition(publishedDefinition.getUrl())),
                    engine.jsonParser().encodeResourceToString(generated), publishedDefinition.getUrl() + ": one thread and two differ");
            List<String> differences = compare(publishedDefinition, generated);
            int elements = publishedDefinition.getSnapshot().getElement().size();
            long differing = differences.stream().map(d -> d.substring(0, d.indexOf(':'))).distinct().count();
            totalElements += elements;
            identicalElements += elements - (int) Math.min(elements, differing);
            if (differences.isEmpty()) identicalProfiles++;
            List<String> explained = eld11.publishedBreaksIt(publishedDefinition, generated, differences);
            if (differences.size() == explained.size()) correctProfiles++;
            report.append(String.format("%-45s %s%n", publishedDefinition.getName(),
                    differences.isEmpty() ? "identical (" + elements + " elements)" : differing + " of " + elements + " elements differ"));
            differences.forEach(d -> report.append("    ").append(d)
                    .append(explained.contains(d) ? "  [published breaks eld-11: a binding on an element with no coded type left]" : "")
                    .append('\n'));
        }
        report.append(String.format("profiles identical: %d/%d; identical or differing only where the published snapshot breaks eld-11: %d/%d (%.1f%%);"
                        + " elements identical: %d/%d (%.1f%%); snapshots generated in %d ms on one thread, %d ms on two%n",
                identicalProfiles, expected.size(), correctProfiles, expected.size(), 100.0 * correctProfiles / expected.size(),
                identicalElements, totalElements, 100.0 * identicalElements / totalElements, oneThreadMillis, millis));
        System.out.println(report);

        assertEquals(89, expected.size());
        assertTrue(identicalProfiles >= MIN_IDENTICAL_PROFILES, "identical profiles fell below the measured figure:\n" + report);
        assertTrue(identicalElements >= MIN_IDENTICAL_ELEMENTS, "identical elements fell below the measured figure:\n" + report);
        assertTrue(correctProfiles >= MIN_CORRECT_PROFILES, "correct profiles fell below the measured figure:\n" + report);
    }

    /**
     * FHIR's invariant eld-11 ("Binding can only be present for coded elements, string, and uri"), read from
     * R4's ElementDefinition and evaluated with the real FHIRPath engine. The 2022 generator that made JP Core
     * 1.1.2 kept a binding on {@code medication[x]} narrowed to Reference and {@code asNeeded[x]} narrowed to
     * boolean; the current one drops it. A binding difference is the published snapshot's fault when the
     * published element fails eld-11 and ours passes it.
     */
    static final class Eld11 {
        private final FHIRPathEngine fhirPath;
        private final String expression;

        Eld11(ConformanceSupport support) {
            fhirPath = new FHIRPathEngine(new HapiWorkerContext(support.engine().context(), support.chain()));
            StructureDefinition elementDefinition = (StructureDefinition) support.fetchStructureDefinition(
                    "http://hl7.org/fhir/StructureDefinition/ElementDefinition");
            String published = elementDefinition.getSnapshot().getElementFirstRep().getConstraint().stream()
                    .filter(c -> c.getKey().equals("eld-11")).findFirst().orElseThrow().getExpression();
            // R4 writes the test as type.select(<condition>).exists(), which is true for any type (select yields
            // false, and a false exists): the invariant as published never fails. Its human text is the rule;
            // where() is what that text means.
            assertTrue(published.contains("type.select("), published);
            expression = published.replace("type.select(", "type.where(");
        }

        List<String> publishedBreaksIt(StructureDefinition published, StructureDefinition generated, List<String> differences) {
            List<String> explained = new ArrayList<>();
            for (String difference : differences) {
                if (!difference.contains(": binding published=")) continue;
                int index = Integer.parseInt(difference.substring(0, difference.indexOf(' ')));
                ElementDefinition theirs = published.getSnapshot().getElement().get(index);
                ElementDefinition ours = generated.getSnapshot().getElement().get(index);
                if (!holds(published, theirs) && holds(generated, ours)) explained.add(difference);
            }
            return explained;
        }

        private boolean holds(StructureDefinition definition, ElementDefinition element) {
            return fhirPath.evaluateToBoolean(definition, definition, element, expression);
        }
    }

    private static org.hl7.fhir.instance.model.api.IBaseResource withoutSnapshot(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        if (!(resource instanceof StructureDefinition definition)) return resource;
        StructureDefinition differential = definition.copy();
        differential.setSnapshot(null);
        return differential;
    }

    /** Differences as {@code <element index> <id>: field published=... generated=...}; empty when identical. */
    static List<String> compare(StructureDefinition published, StructureDefinition generated) {
        List<String> differences = new ArrayList<>();
        if (generated == null || !generated.hasSnapshot()) {
            differences.add("0 (all): no snapshot generated");
            return differences;
        }
        List<ElementDefinition> want = published.getSnapshot().getElement();
        List<ElementDefinition> got = generated.getSnapshot().getElement();
        if (want.size() != got.size()) differences.add(want.size() + " (count): published=" + want.size() + " generated=" + got.size());
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            ElementDefinition a = want.get(i);
            ElementDefinition b = got.get(i);
            String where = i + " " + a.getId();
            field(differences, where, "id", a.getId(), b.getId());
            field(differences, where, "path", a.getPath(), b.getPath());
            field(differences, where, "sliceName", a.getSliceName(), b.getSliceName());
            field(differences, where, "min", a.hasMin() ? a.getMin() : null, b.hasMin() ? b.getMin() : null);
            field(differences, where, "max", a.getMax(), b.getMax());
            field(differences, where, "types", types(a), types(b));
            field(differences, where, "binding", binding(a), binding(b));
            if (!deepEqual(a.getFixed(), b.getFixed())) differences.add(where + ": fixed differs");
            if (!deepEqual(a.getPattern(), b.getPattern())) differences.add(where + ": pattern differs");
            field(differences, where, "constraint keys", constraintKeys(a), constraintKeys(b));
            field(differences, where, "mustSupport", a.getMustSupport(), b.getMustSupport());
        }
        return differences;
    }

    private static void field(List<String> differences, String where, String name, Object published, Object generated) {
        if (!Objects.equals(published, generated)) {
            differences.add(where + ": " + name + " published=" + published + " generated=" + generated);
        }
    }

    private static String types(ElementDefinition element) {
        List<String> types = new ArrayList<>();
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            types.add(type.getCode() + new TreeSet<>(type.getProfile().stream().map(CanonicalType::getValue).toList()));
        }
        return String.join(",", types);
    }

    private static String binding(ElementDefinition element) {
        if (!element.hasBinding()) return "";
        ElementDefinition.ElementDefinitionBindingComponent binding = element.getBinding();
        return (binding.hasStrength() ? binding.getStrength().toCode() : "") + " " + (binding.hasValueSet() ? binding.getValueSet() : "");
    }

    private static TreeSet<String> constraintKeys(ElementDefinition element) {
        return new TreeSet<>(element.getConstraint().stream().map(ElementDefinition.ElementDefinitionConstraintComponent::getKey).toList());
    }

    private static boolean deepEqual(Base a, Base b) {
        if (a == null || b == null) return a == b;
        return a.fhirType().equals(b.fhirType()) && a.equalsDeep(b);
    }
}
