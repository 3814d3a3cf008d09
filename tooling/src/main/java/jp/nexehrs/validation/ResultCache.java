package jp.nexehrs.validation;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.cache.DigestMemo;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code validate --package} said about one resource, remembered in a content-addressed store: the key is the
 * resource's bytes, its file name and format, the packages' bytes, the options that change a verdict, and (through
 * the store) the toolchain's fingerprint. A changed resource, package, option or toolchain finds nothing; nothing is
 * ever invalidated in place. Findings are stored as the resource's own (lines within an NDJSON line's text), and
 * placed in the file afterwards, so moving a resource to another line of an export still finds it.
 */
final class ResultCache {
    /** What is stored for one resource. */
    record Entry(String resourceType, List<String> profiles, List<Finding> findings) {}

    private final BuildCache store;
    private final String context;

    private ResultCache(BuildCache store, String context) {
        this.store = store;
        this.context = context;
    }

    static ResultCache disabled() {
        return new ResultCache(BuildCache.disabled(), "");
    }

    /** @param options every option that can change a verdict, in a fixed order */
    static ResultCache of(BuildCache store, List<Path> packages, List<String> options) throws SourceException {
        if (!store.enabled()) return new ResultCache(store, "");
        CacheKey key = new CacheKey().add("validate --package");
        for (Path location : packages) addPackage(key, location);
        for (String option : options) key.add(option);
        return new ResultCache(store, key.hex());
    }

    boolean enabled() {
        return store.enabled();
    }

    Optional<String> keyOf(ResourceInput input) {
        if (!store.enabled()) return Optional.empty();
        return Optional.of(store.key(CacheStage.VALIDATION).add(context).add(input.file()).add(input.format().name())
                .add(Boolean.toString(input.isNdjsonLine())).add(input.bytes()).hex());
    }

    Optional<Entry> find(String key) {
        return store.readJson(CacheStage.VALIDATION, key, Entry.class);
    }

    void remember(String key, Entry entry) {
        store.writeJson(CacheStage.VALIDATION, key, entry);
    }

    /** What reading the packages found (e.g. a profile whose snapshot cannot be made), as remembered by an earlier run. */
    Optional<List<Finding>> packageFindings() {
        if (!store.enabled()) return Optional.empty();
        return store.readJson(CacheStage.VALIDATION, packageFindingsKey(), Entry.class).map(Entry::findings);
    }

    void rememberPackageFindings(List<Finding> findings) {
        if (store.enabled()) store.writeJson(CacheStage.VALIDATION, packageFindingsKey(), new Entry("", List.of(), findings));
    }

    private String packageFindingsKey() {
        return store.key(CacheStage.VALIDATION).add(context).add("the packages' own findings").hex();
    }

    /**
     * A package file's bytes, or every file of a package folder with its relative name, in a stable order; remembered
     * for the package's present files ({@link DigestMemo}), so that a run whose results are all cached reads no package.
     */
    private static void addPackage(CacheKey key, Path location) throws SourceException {
        try {
            key.add(DigestMemo.inUserCache().of("validate --package: the package's content", location, ResultCache::packageDigest));
        } catch (IOException e) {
            throw new SourceException(location.toString(), 0, 0, "cannot read the FHIR package");
        }
    }

    private static String packageDigest(Path location) throws IOException {
        CacheKey key = new CacheKey();
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    key.add(location.relativize(file).toString().replace('\\', '/'));
                    try (InputStream in = Files.newInputStream(file)) {
                        key.add(in.readAllBytes());
                    }
                }
            }
        } else {
            key.add(Files.readAllBytes(location));
        }
        return key.hex();
    }
}
