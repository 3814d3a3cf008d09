package jp.nexehrs.bench.jmh;

import ca.uhn.fhir.parser.IParser;
import jp.nexehrs.fhir.FhirEngine;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load stage's cost per file: HAPI's JSON parser reading one profile and one example of this spec. */
@State(Scope.Benchmark)
public class ResourceParseBenchmark {
    /** Relative to tooling/, where the benchmark runs. */
    @Param({"../profiles/structuredefinitions/StructureDefinition-nexehrs-dataset-provenance.json",
            "../profiles/examples/Bundle-record-yamada.json"})
    public String file;

    private String json;
    private IParser parser;

    @Setup
    public void read() throws IOException {
        json = Files.readString(Path.of(file));
        parser = new FhirEngine().jsonParser();
    }

    @Benchmark
    public IBaseResource parseJson() {
        return parser.parseResource(json);
    }
}
