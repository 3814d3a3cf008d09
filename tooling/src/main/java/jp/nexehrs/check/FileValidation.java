package jp.nexehrs.check;

import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Validates files outside a project (an implementer's) on a few threads: each file is read by the thread that
 * validates it and dropped when its findings are made, so memory does not grow with the number of files
 * (tooling/BENCHMARKS.md). A file that cannot be read is a finding like any other. Findings in the files' order.
 */
public final class FileValidation {
    private FileValidation() {
    }

    /** Reads one of the files to validate. */
    @FunctionalInterface
    public interface SourceReader<T> {
        FhirSource read(T file) throws SourceException;
    }

    public static <T> List<Finding> each(int threads, List<T> files, SourceReader<T> reader,
                                         Function<FhirSource, List<Finding>> validation) {
        List<Finding> findings = new ArrayList<>();
        new Parallel(threads).map(files, file -> {
            try {
                return validation.apply(reader.read(file));
            } catch (SourceException e) {
                return List.of(e.toFinding());
            }
        }).forEach(findings::addAll);
        return findings;
    }
}
