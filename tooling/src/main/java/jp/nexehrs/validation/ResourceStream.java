package jp.nexehrs.validation;

import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.report.format.NdjsonNames;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The resources of the inputs, one at a time and in order: a .json or .xml file is one resource, an NDJSON file
 * ({@code .ndjson}, or gzipped {@code .ndjson.gz}, as FHIR Bulk Data exports are) one resource per line, read as
 * a stream so that memory does not grow with the file. Only this run's {@link Shard} is passed on. What cannot be
 * read becomes a finding with the file and line, in the place of the resource it stands for.
 */
final class ResourceStream {
    /** A longer line is reported, not held: a resource of an export is a few kilobytes. */
    static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

    /** A resource to validate, or why the next one cannot be read. */
    sealed interface Item permits Resource, Unreadable {}

    record Resource(ResourceInput input) implements Item {}

    record Unreadable(Finding finding) implements Item {}

    private final Shard shard;
    private final Consumer<Item> sink;
    private long ordinal;

    private ResourceStream(Shard shard, Consumer<Item> sink) {
        this.shard = shard;
        this.sink = sink;
    }

    /** Passes this shard's items of {@code files} to {@code sink}, in order. */
    static void read(List<LocalFile> files, Shard shard, Consumer<Item> sink) {
        ResourceStream stream = new ResourceStream(shard, sink);
        for (LocalFile file : files) {
            if (NdjsonNames.isNdjson(file.displayName())) stream.readLines(file);
            else stream.readWhole(file);
        }
    }

    private static boolean isGzip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Counts the next resource (or what stands in its place) and passes it on when it is this shard's. */
    private void next(Item item) {
        if (shard.takes(ordinal++)) sink.accept(item);
    }

    private void readWhole(LocalFile file) {
        String name = file.displayName();
        if (!shard.takes(ordinal)) {
            ordinal++;
            return; // not read at all: another shard's
        }
        try {
            ResourceFormat format = ResourceFormat.ofFileName(name)
                    .orElseThrow(() -> new SourceException(name, 0, 0, "not a .json, .xml, .ndjson or .ndjson.gz file"));
            next(new Resource(new ResourceInput(name, 0, format, file.read())));
        } catch (SourceException e) {
            next(new Unreadable(e.toFinding()));
        }
    }

    private void readLines(LocalFile file) {
        String name = file.displayName();
        int lineNumber = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
             InputStream in = isGzip(name) ? openGzip(raw) : raw) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            boolean tooLong = false;
            boolean atEnd = false;
            while (!atEnd) {
                int b = in.read();
                atEnd = b < 0;
                if (!atEnd && b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) line.write(b);
                    else tooLong = true;
                    continue;
                }
                if (atEnd && line.size() == 0 && !tooLong) break;
                lineNumber++;
                if (tooLong) {
                    next(unreadable(name, lineNumber, "ndjson-line-too-long", MAX_LINE_BYTES / (1024 * 1024)));
                } else {
                    byte[] bytes = line.toByteArray();
                    if (!isBlank(bytes)) next(new Resource(new ResourceInput(name, lineNumber, ResourceFormat.JSON, bytes)));
                }
                line.reset();
                tooLong = false;
            }
        } catch (NotGzip e) {
            next(unreadable(name, 0, "ndjson-not-gzip"));
        } catch (EOFException e) {
            next(unreadable(name, lineNumber + 1, "ndjson-cut", lineNumber));
        } catch (ZipException e) {
            next(unreadable(name, lineNumber + 1, "ndjson-damaged", lineNumber));
        } catch (IOException e) {
            next(unreadable(name, lineNumber + 1, e instanceof java.nio.file.AccessDeniedException
                    ? "ndjson-unreadable.denied" : "ndjson-unreadable.disk", lineNumber));
        }
    }

    /** An error in our own words ({@link OwnMessages}), its message id the key before any dot. */
    private static Unreadable unreadable(String file, int line, String key, Object... values) {
        String id = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return new Unreadable(new Finding(Severity.ERROR, file, line, 0, "", id, OwnMessages.ENGLISH.text(key, values)));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) if (b != ' ' && b != '\t' && b != '\r') return false;
        return true;
    }

    private static InputStream openGzip(InputStream raw) throws IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw new NotGzip();
        }
    }

    /** The file does not start as gzip data. */
    private static final class NotGzip extends IOException {
        NotGzip() {
            super("not in gzip format");
        }
    }
}
