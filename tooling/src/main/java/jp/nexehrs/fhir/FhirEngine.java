package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jp.nexehrs.util.Futures;

import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The expensive FHIR objects of one run: the R4 context and the base definitions read from
 * hapi-fhir-validation-resources-r4. Built once per run and shared by every stage and thread.
 */
public final class FhirEngine {
    /** Any base StructureDefinition and ValueSet: fetching one makes HAPI read all of their kind. */
    private static final String ANY_STRUCTURE_DEFINITION = "http://hl7.org/fhir/StructureDefinition/Patient";
    static final String ANY_VALUE_SET = "http://hl7.org/fhir/ValueSet/administrative-gender";
    private final FhirContext context;
    private final Future<DefaultProfileValidationSupport> baseDefinitions;
    private final String baseDefinitionsName;

    public FhirEngine() {
        context = FhirContext.forR4Cached();
        // HAPI reads R4's definitions (XML bundles of every StructureDefinition, ValueSet and CodeSystem) on the first
        // fetch, which takes a second or more: begun now on a thread of its own, it overlaps loading the project,
        // which runs on one core (tooling/BENCHMARKS.md). Everyone waits for it in baseDefinitions(), so it is read once,
        // and corrected as the HL7 validator reads it before anyone can see it.
        DefaultProfileValidationSupport definitions = new DefaultProfileValidationSupport(context);
        baseDefinitionsName = definitions.getName();
        FutureTask<DefaultProfileValidationSupport> reading = new FutureTask<>(() -> {
            definitions.fetchStructureDefinition(ANY_STRUCTURE_DEFINITION);
            R4BaseDefinitions.correctVitalSigns(definitions.fetchAllStructureDefinitions());
            return definitions;
        });
        Thread thread = new Thread(() -> {
            reading.run();
            // The value sets and code systems next, while the validator is built from the structure definitions:
            // HAPI reads them under its own lock, so a fetch meanwhile waits for them and they are read once.
            try {
                definitions.fetchValueSet(ANY_VALUE_SET);
            } catch (RuntimeException e) {
                // Met again, and reported, by the first fetch of a value set or code system, which reads them itself.
            }
        }, "r4-definitions");
        thread.setDaemon(true);
        thread.start();
        baseDefinitions = reading;
    }

    public FhirContext context() {
        return context;
    }

    /**
     * R4 core StructureDefinitions, ValueSets and CodeSystems, offline; waits until the structure definitions have been
     * read (a value set or code system fetched before they too are read waits for them inside HAPI).
     */
    public DefaultProfileValidationSupport baseDefinitions() {
        return Futures.result(baseDefinitions, "the R4 base definitions to be read");
    }

    /** The name HAPI gives the base definitions' support (in its chain's logs), known without waiting for them. */
    String baseDefinitionsName() {
        return baseDefinitionsName;
    }

    /** Parsers are not thread-safe: each caller takes its own. Strict, so unknown elements are not silently dropped. */
    public IParser jsonParser() {
        return context.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).setPrettyPrint(true);
    }

    public IParser xmlParser() {
        return context.newXmlParser().setParserErrorHandler(new StrictErrorHandler()).setPrettyPrint(true);
    }

    public IParser parserFor(ResourceFormat format) {
        return format == ResourceFormat.XML ? xmlParser() : jsonParser();
    }
}
