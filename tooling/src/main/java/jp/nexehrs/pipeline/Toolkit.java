package jp.nexehrs.pipeline;

import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.fhir.FhirEngine;

import java.nio.file.Path;

/**
 * The expensive objects of one run, built once on first use and shared by every stage and thread: the FHIR
 * engine and the Asciidoctor-backed document converter (whose Ruby runtime takes seconds to start, so commands
 * that convert no documents never start it).
 */
public final class Toolkit implements AutoCloseable {
    private final int threads;
    private final long epochSeconds;
    private FhirEngine fhir;
    private DocumentConverter documents;

    /**
     * @param projectRoot the folder the command was given; not needed any more (each document carries its own
     *                    project's root, so one converter serves every version), kept so that callers need not change
     */
    public Toolkit(Path projectRoot, int threads, long epochSeconds) {
        this.threads = threads;
        this.epochSeconds = epochSeconds;
    }

    public synchronized FhirEngine fhir() {
        if (fhir == null) fhir = new FhirEngine();
        return fhir;
    }

    public synchronized DocumentConverter documents() {
        if (documents == null) documents = new DocumentConverter();
        return documents;
    }

    public int threads() {
        return threads;
    }

    public long epochSeconds() {
        return epochSeconds;
    }

    @Override
    public synchronized void close() {
        if (documents != null) documents.close();
    }
}
