package jp.nexehrs.bench;

import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the snapshots our build generates for a corpus guide with those the HL7 generator makes of the same
 * differentials, set up as the IG Publisher does (the {@code snapshot} mode of ../shared/tools/peer-validator, whose
 * output folder is given), on the fields that must hold: id, path, sliceName, min, max, type codes with their profiles
 * and target profiles, binding strength and value set, fixed[x] and pattern[x], constraint keys, mustSupport. The
 * {@code |4.0.1} the HL7 context pins to core canonicals is ignored. Texts are not compared.
 *
 * <p>Run: {@code tooling/bench/run-benchmarks.sh snapshots} (runs the peer, then this program); or
 * {@code java -cp ... jp.nexehrs.bench.SnapshotPeerComparison <corpus folder> <peer output folder>}, where the peer
 * output folder holds one folder per corpus guide ({@code jp-core-1.1.2}, {@code jp-eprescription}).
 */
public final class SnapshotPeerComparison {
    private static final String CORE = "http://hl7.org/fhir/";
    private static final String CORE_PIN = "|4.0.1";

    private SnapshotPeerComparison() {
    }

    /** The corpus guides that have StructureDefinitions to generate, by the name of their peer output folder. */
    public enum Guide {
        JP_CORE_112("jp-core-1.1.2"),
        JP_EPRESCRIPTION("jp-eprescription");

        public final String folder;

        Guide(String folder) {
            this.folder = folder;
        }

        /** Writes the guide as a nexehrs project (differentials only) into {@code target}. */
        Path writeProject(BenchmarkProjects projects, Path target) throws IOException {
            return this == JP_CORE_112 ? projects.writeDiffPackage(target) : projects.writeEPrescription(target);
        }
    }

    /** One profile's differences, each {@code <element id>: <field> ours=... peer=...}. */
    public record ProfileComparison(String url, int elements, int differingElements, List<String> differences) {
        boolean identical() {
            return differences.isEmpty();
        }
    }

    /** A guide's comparison: per profile, in the peer's order. */
    public record GuideComparison(String name, List<ProfileComparison> profiles, List<Finding> buildFindings, long millis) {
        public int identicalProfiles() {
            return (int) profiles.stream().filter(ProfileComparison::identical).count();
        }

        public int elements() {
            return profiles.stream().mapToInt(ProfileComparison::elements).sum();
        }

        public int identicalElements() {
            return profiles.stream().mapToInt(p -> p.elements() - p.differingElements()).sum();
        }

        /** Differences counted by field (the text between ": " and the first " ours=" or the end). */
        public Map<String, Long> byField() {
            return profiles.stream().flatMap(p -> p.differences().stream())
                    .map(d -> d.substring(d.indexOf(": ") + 2).replaceAll(" (ours|peer)=.*", ""))
                    .collect(Collectors.groupingBy(f -> f, TreeMap::new, Collectors.counting()));
        }

        public String report() {
            StringBuilder report = new StringBuilder("== " + name + "\n");
            for (ProfileComparison profile : profiles) {
                if (profile.identical()) continue;
                report.append(String.format("%s: %d of %d elements differ%n", profile.url(), profile.differingElements(), profile.elements()));
                profile.differences().forEach(d -> report.append("    ").append(d).append('\n'));
            }
            buildFindings.stream().filter(Finding::isError).forEach(f -> report.append("  our build: ").append(f.toLine()).append('\n'));
            byField().forEach((field, count) -> report.append(String.format("  %4d x %s%n", count, field)));
            report.append(String.format("%s: profiles identical %d/%d; elements identical %d/%d (%.1f%%); our build's findings %d"
                            + " (errors %d); our snapshots in %d ms%n", name, identicalProfiles(), profiles.size(),
                    identicalElements(), elements(), elements() == 0 ? 0.0 : 100.0 * identicalElements() / elements(),
                    buildFindings.size(), buildFindings.stream().filter(Finding::isError).count(), millis));
            return report.toString();
        }
    }

    /**
     * Generates our snapshots of {@code guide} (written as a project under {@code work}, loaded and converted as a
     * build does) and compares them with the peer's, read from {@code peerOutput}.
     */
    public static GuideComparison compare(Guide guide, Path corpus, Path peerOutput, Path work) throws Exception {
        return compare(guide.folder, guide.writeProject(new BenchmarkProjects(corpus), work), peerOutput);
    }

    /** Our snapshots of the project at {@code root}, loaded and converted as a build does, against the peer's. */
    public static GuideComparison compare(String name, Path root, Path peerOutput) throws Exception {
        FhirEngine engine = new FhirEngine();
        long start = System.nanoTime();
        Project project = new ProjectLoader(engine).load(root);
        Converted converted = new Converter(engine, () -> {
            throw new IllegalStateException("documents are not converted for a snapshot comparison");
        }).convert(project, false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, StructureDefinition> ours = new HashMap<>();
        for (ConformanceArtifact artifact : converted.conformance()) {
            if (artifact.resource() instanceof StructureDefinition definition) ours.put(definition.getUrl(), definition);
        }
        List<Finding> findings = new ArrayList<>(project.findings());
        findings.addAll(converted.findings());
        List<ProfileComparison> profiles = new ArrayList<>();
        for (StructureDefinition peer : readPeer(engine, peerOutput)) {
            profiles.add(compare(ours.get(peer.getUrl()), peer));
        }
        return new GuideComparison(name, profiles, findings, millis);
    }

    private static List<StructureDefinition> readPeer(FhirEngine engine, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("StructureDefinition-")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no peer snapshots in " + folder);
        List<StructureDefinition> definitions = new ArrayList<>();
        for (Path file : files) {
            definitions.add(engine.jsonParser().parseResource(StructureDefinition.class, Files.readString(file)));
        }
        return definitions;
    }

    /**
     * Elements are paired by id, the n-th with a given id with the n-th on the other side: an element only one side
     * has (a second element with the same id too) is one difference.
     */
    static ProfileComparison compare(StructureDefinition ours, StructureDefinition peer) {
        List<ElementDefinition> theirs = peer.getSnapshot().getElement();
        if (ours == null || !ours.hasSnapshot()) {
            return new ProfileComparison(peer.getUrl(), theirs.size(), theirs.size(), List.of("(all): we generated no snapshot"));
        }
        Map<String, List<ElementDefinition>> byId = new LinkedHashMap<>();
        ours.getSnapshot().getElement().forEach(e -> byId.computeIfAbsent(e.getId(), id -> new ArrayList<>()).add(e));
        List<String> differences = new ArrayList<>();
        TreeSet<String> differing = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ElementDefinition peerElement : theirs) {
            String id = peerElement.getId();
            int occurrence = seen.merge(id, 1, Integer::sum) - 1;
            List<ElementDefinition> candidates = byId.getOrDefault(id, List.of());
            int before = differences.size();
            if (occurrence >= candidates.size()) differences.add(id + ": element peer only" + (occurrence > 0 ? " (a second one with this id)" : ""));
            else fields(differences, id, candidates.get(occurrence), peerElement);
            if (differences.size() > before) differing.add(id);
        }
        byId.forEach((id, elements) -> {
            for (int extra = seen.getOrDefault(id, 0); extra < elements.size(); extra++) {
                differences.add(id + ": element ours only");
                differing.add(id);
            }
        });
        List<String> ourIds = ours.getSnapshot().getElement().stream().map(ElementDefinition::getId).toList();
        List<String> theirIds = theirs.stream().map(ElementDefinition::getId).toList();
        if (differing.isEmpty() && !ourIds.equals(theirIds)) differences.add("(order): elements in another order");
        return new ProfileComparison(peer.getUrl(), theirs.size(), differing.size(), differences);
    }

    private static void fields(List<String> differences, String id, ElementDefinition ours, ElementDefinition peer) {
        field(differences, id, "path", ours.getPath(), peer.getPath());
        field(differences, id, "sliceName", ours.getSliceName(), peer.getSliceName());
        field(differences, id, "min", ours.hasMin() ? ours.getMin() : null, peer.hasMin() ? peer.getMin() : null);
        field(differences, id, "max", ours.getMax(), peer.getMax());
        field(differences, id, "types", types(ours), types(peer));
        field(differences, id, "binding", binding(ours), binding(peer));
        if (!deepEqual(ours.getFixed(), peer.getFixed())) differences.add(id + ": fixed differs");
        if (!deepEqual(ours.getPattern(), peer.getPattern())) differences.add(id + ": pattern differs");
        field(differences, id, "constraint keys", constraintKeys(ours), constraintKeys(peer));
        field(differences, id, "mustSupport", ours.hasMustSupport() && ours.getMustSupport(), peer.hasMustSupport() && peer.getMustSupport());
    }

    private static void field(List<String> differences, String id, String name, Object ours, Object peer) {
        if (!Objects.equals(ours, peer)) differences.add(id + ": " + name + " ours=" + ours + " peer=" + peer);
    }

    private static String types(ElementDefinition element) {
        List<String> types = new ArrayList<>();
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            types.add(type.getCode() + canonicals(type.getProfile()) + (type.hasTargetProfile() ? "->" + canonicals(type.getTargetProfile()) : ""));
        }
        return String.join(",", types);
    }

    private static TreeSet<String> canonicals(List<CanonicalType> canonicals) {
        return canonicals.stream().map(c -> unpinned(c.getValue())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String binding(ElementDefinition element) {
        if (!element.hasBinding()) return "";
        ElementDefinition.ElementDefinitionBindingComponent binding = element.getBinding();
        return (binding.hasStrength() ? binding.getStrength().toCode() : "") + " " + (binding.hasValueSet() ? unpinned(binding.getValueSet()) : "");
    }

    /** A core canonical without the {@code |4.0.1} the HL7 context adds. */
    private static String unpinned(String canonical) {
        return canonical != null && canonical.startsWith(CORE) && canonical.endsWith(CORE_PIN)
                ? canonical.substring(0, canonical.length() - CORE_PIN.length()) : canonical;
    }

    private static TreeSet<String> constraintKeys(ElementDefinition element) {
        return element.getConstraint().stream().map(ElementDefinition.ElementDefinitionConstraintComponent::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean deepEqual(Base a, Base b) {
        if (a == null || b == null) return a == b;
        return a.fhirType().equals(b.fhirType()) && a.equalsDeep(b);
    }

    /**
     * {@code <corpus folder> <peer output folder> [work folder]}: every guide whose corpus and peer output are present;
     * {@code --project <project folder> <peer output folder>}: one project (a fixture) against the peer's output for it.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args[0].equals("--project") && args.length < 3) {
            System.err.println("usage: SnapshotPeerComparison <corpus folder> <peer output folder> [work folder]\n"
                    + "       SnapshotPeerComparison --project <project folder> <peer output folder>");
            System.exit(2);
        }
        if (args[0].equals("--project")) {
            System.out.println(compare(Path.of(args[1]).getFileName().toString(), Path.of(args[1]), Path.of(args[2])).report());
            return;
        }
        Path corpus = Path.of(args[0]);
        Path peer = Path.of(args[1]);
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("snapshot-peer");
        for (Guide guide : Guide.values()) {
            if (!Files.isDirectory(corpus.resolve(guide.folder)) || !Files.isDirectory(peer.resolve(guide.folder))) {
                System.out.println(guide.folder + ": skipped (no corpus or no peer output)");
                continue;
            }
            System.out.println(compare(guide, corpus, peer.resolve(guide.folder), work.resolve(guide.folder)).report());
        }
    }
}
