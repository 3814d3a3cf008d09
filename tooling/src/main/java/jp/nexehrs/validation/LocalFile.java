package jp.nexehrs.validation;

import jp.nexehrs.report.SourceException;
import jp.nexehrs.report.format.NdjsonNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A file named on the command line, shown to the user as they named it. */
record LocalFile(Path path, String displayName) {

    byte[] read() throws SourceException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Files as given, and the .json and .xml files under folders (and NDJSON files, where {@code withNdjson}: only
     * validation against packages reads them), in a stable order.
     */
    static List<LocalFile> expand(List<Path> paths, boolean withNdjson) throws SourceException {
        List<LocalFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> isResourceFile(p, withNdjson)).sorted()
                            .forEach(p -> files.add(new LocalFile(p, p.toString())));
                } catch (IOException e) {
                    throw new SourceException(path.toString(), 0, 0, "cannot list: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(new LocalFile(path, path.toString()));
            } else {
                throw new SourceException(path.toString(), 0, 0, "no such file or folder");
            }
        }
        return files;
    }

    private static boolean isResourceFile(Path path, boolean withNdjson) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".xml") || (withNdjson && NdjsonNames.isNdjson(name));
    }
}
