package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The expensive FHIR objects of one run: the R4 context and the base definitions read from
 * hapi-fhir-validation-resources-r4. Built once per run and shared by every stage and thread.
 */
public final class FhirEngine {
    private final FhirContext context;
    private final DefaultProfileValidationSupport baseDefinitions;

    public FhirEngine() {
        context = FhirContext.forR4Cached();
        baseDefinitions = new DefaultProfileValidationSupport(context);
    }

    public FhirContext context() {
        return context;
    }

    /** R4 core StructureDefinitions, ValueSets and CodeSystems, offline. */
    public DefaultProfileValidationSupport baseDefinitions() {
        return baseDefinitions;
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
