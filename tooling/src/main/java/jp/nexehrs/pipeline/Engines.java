package jp.nexehrs.pipeline;

import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.fhir.FhirEngine;

/**
 * The two objects a build needs that take seconds to make: the FHIR engine and the Asciidoctor-backed document
 * converter (whose Ruby runtime starts in seconds and is slow until it has converted a few documents). Each is made
 * on first use, so commands that convert no documents never start Ruby. A {@link Toolkit} owns the engines of its
 * run; a host that runs many builds in one JVM (the test suite) lends one set to all of them instead.
 * Both are safe to share across builds and threads: they hold no project's state.
 */
public final class Engines implements AutoCloseable {
    private FhirEngine fhir;
    private DocumentConverter documents;
    private boolean closed;

    public synchronized FhirEngine fhir() {
        requireOpen();
        if (fhir == null) fhir = new FhirEngine();
        return fhir;
    }

    public synchronized DocumentConverter documents() {
        requireOpen();
        if (documents == null) documents = new DocumentConverter();
        return documents;
    }

    /** A closed Asciidoctor may still seem to work: a run that goes on using it is a defect, said at once. */
    private void requireOpen() {
        if (closed) throw new IllegalStateException("the engines were closed with the run that owned them");
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (documents != null) documents.close();
    }
}
