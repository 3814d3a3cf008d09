package jp.nexehrs.bench.jmh;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTableRenderer;
import jp.nexehrs.render.ElementTree;
import jp.nexehrs.render.ElementView;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.stream.Stream;

/**
 * The main cost of a profile page: the snapshot view's element tree of a base R4 resource (from the validator's
 * definitions) rendered as the expandable HTML table.
 */
@State(Scope.Benchmark)
public class ElementTableBenchmark {
    @Param({"Patient", "Observation"})
    public String resource;

    private StructureDefinition profile;
    private ElementTree tree;
    private final ElementTableRenderer renderer = new ElementTableRenderer();

    @Setup
    public void load() {
        FhirEngine engine = new FhirEngine();
        profile = (StructureDefinition) engine.baseDefinitions().fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + resource);
        tree = new ElementTree(engine.context(), ArtifactLinks.of(Stream.of(), engine.baseDefinitions()::fetchStructureDefinition));
    }

    @Benchmark
    public String snapshotTable() {
        return renderer.render(tree.rows(profile, ElementView.SNAPSHOT, ""), ElementView.SNAPSHOT);
    }
}
