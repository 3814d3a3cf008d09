package jp.nexehrs.check;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.convert.ConvertedFragment;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.StaticFile;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.util.Parallel;
import jp.nexehrs.util.Plural;
import jp.nexehrs.util.TextPositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The check stage: the project's conformance resources checked against their bases first, identity rules
 * across files, every example validated (in parallel, one validator), and
 * every deliberately invalid example checked to fail with the error its manifest declares.
 */
public final class Checker {
    private final int threads;
    private final BuildCache cache;

    public Checker(int threads) {
        this(threads, BuildCache.disabled());
    }

    /** @param cache remembers validation findings across runs: an unchanged example is validated once */
    public Checker(int threads, BuildCache cache) {
        this.threads = Math.max(1, threads);
        this.cache = cache;
    }

    public Checked check(Converted converted) {
        Project project = converted.project();
        List<Finding> findings = new ArrayList<>(project.findings());
        findings.addAll(converted.findings());
        findings.addAll(new ConformanceRules(converted.support(), project.config()::owns).check(project.resources(FhirSource.Role.CONFORMANCE)));
        findings.addAll(new IdentityRules(project.config()).check(project.resources()));
        ValueSetExpansions.Result terminology = new ValueSetExpansions(converted.support(), project.config()::owns)
                .expand(converted.conformance());
        findings.addAll(terminology.findings());

        Validations validator = new Validations(converted);
        findings.addAll(new ClaimedProfiles(converted.support()).check(project.resources(FhirSource.Role.EXAMPLE)));
        ExampleProfiles profiles = new ExampleProfiles(converted.support(), project.guide());
        List<ExampleValidation> examples = validateAll(validator, profiles, project.resources(FhirSource.Role.EXAMPLE));
        examples.forEach(e -> findings.addAll(e.findings()));

        List<ExampleValidation> invalid = validateAll(validator, profiles, project.resources(FhirSource.Role.INVALID_EXAMPLE));
        findings.addAll(new InvalidExampleCheck().check(invalid, project.invalidExpectations(), ProjectLoader.INVALID_MANIFEST_FILE));

        List<ConvertedDocument> fragments = converted.fragments().stream().map(ConvertedFragment::document).toList();
        findings.addAll(new LinkCheck().check(converted.documents(), fragments, converted.conformance(),
                examples.stream().map(ExampleValidation::source).toList(), project.pagePaths(), project.config().packageFileName(),
                project.staticFiles().stream().map(StaticFile::sitePath).toList()));
        findings.addAll(new ArtifactFragmentCheck().check(converted.fragments(), converted.conformance(), examples));

        findings.addAll(new AccessibilityCheck().check(converted.documents()));
        findings.addAll(new AccessibilityCheck().check(fragments, AccessibilityCheck.ARTIFACT_SECTION_LEVEL));

        GovernanceCheck.Result governance = new GovernanceCheck().check(project.governance(), converted.documents());
        findings.addAll(governance.findings());
        // Findings on resources SUSHI made move to their FSH lines before suppressions, which editors write for those.
        List<Finding> reported = converted.fshOrigins().relocate(
                new UnresolvedReferences(project.missingDependencies(), converted.support()).apply(findings));
        Suppressions.Result accepted = new Suppressions().apply(project.config().suppress(), reported);
        return new Checked(converted, examples, terminology.expansions(), governance.report(), accepted.kept(), accepted.suppressed());
    }

    /** Validates resources that are not part of the project (an implementer's files) against its profiles, as read. */
    public <T> List<Finding> validateEach(Converted converted, List<T> files, FileValidation.SourceReader<T> reader) {
        List<Finding> findings = FileValidation.each(threads, files, reader, new Validations(converted)::findingsOf);
        return new UnresolvedReferences(converted.project().missingDependencies(), converted.support()).apply(findings);
    }

    /**
     * Findings from the cache, else from the validator, which is built on first need: when every instance is a
     * hit the validator never starts.
     */
    private final class Validations {
        private final Converted converted;
        private final CachedValidations cached;
        private InstanceValidator validator;

        Validations(Converted converted) {
            this.converted = converted;
            this.cached = new CachedValidations(cache, converted.dependencyDigest(),
                    converted.project().resources(FhirSource.Role.CONFORMANCE));
        }

        /** An implementer's file, against what it claims. */
        List<Finding> findingsOf(FhirSource source) {
            return of(source, new ExampleProfiles.Selection(List.of(), List.of())).findings();
        }

        /** {@code source} against its claims and the {@code profiles} added to them. */
        ExampleValidation of(FhirSource source, ExampleProfiles.Selection profiles) {
            List<String> checkedAgainst = ExampleProfiles.checkedAgainst(source, profiles);
            Optional<String> key = cached.keyOf(source).map(k -> profiles.added().isEmpty() ? k
                    : new CacheKey().add(k).add(String.join(" ", profiles.added())).hex());
            Optional<List<Finding>> remembered = key.flatMap(cached::find);
            if (remembered.isPresent()) return new ExampleValidation(source, checkedAgainst, remembered.get());
            List<Finding> findings = validator().validate(source, profiles.added());
            key.ifPresent(k -> cached.remember(k, findings));
            return new ExampleValidation(source, checkedAgainst, findings);
        }

        private synchronized InstanceValidator validator() {
            if (validator == null) validator = new InstanceValidator(converted.support());
            return validator;
        }
    }

    private List<ExampleValidation> validateAll(Validations validator, ExampleProfiles profiles, List<FhirSource> sources) {
        return new Parallel(threads).map(sources, source -> validator.of(source, profiles.of(source)));
    }

    /**
     * Ids and canonical URLs must be unique. A canonical URL outside the project's bases ({@code canonical} and
     * {@code canonicals} in nexehrs.yaml) is allowed, as real guides keep resources under several bases, but said once
     * per base: it may be a typo, or a base to add to {@code canonicals}.
     */
    static final class IdentityRules {
        private final ProjectConfig config;

        IdentityRules(ProjectConfig config) {
            this.config = config;
        }

        List<Finding> check(List<FhirSource> resources) {
            List<Finding> findings = new ArrayList<>();
            Map<String, FhirSource> byKey = new HashMap<>();
            Map<String, FhirSource> byUrl = new HashMap<>();
            Map<String, List<FhirSource>> byForeignBase = new TreeMap<>();
            for (FhirSource source : resources) {
                if (source.role() == FhirSource.Role.INVALID_EXAMPLE) continue;
                FhirSource earlier = byKey.putIfAbsent(source.key(), source);
                if (earlier != null) {
                    findings.add(Finding.error(source.file(), TextPositions.lineOf(source.text(), "\"id\""), 0,
                            "duplicate " + source.resourceType() + " id '" + source.id() + "': also in " + earlier.file()));
                }
                if (source.url().isEmpty()) continue;
                FhirSource sameUrl = byUrl.putIfAbsent(source.url(), source);
                if (sameUrl != null) {
                    findings.add(Finding.error(source.file(), TextPositions.lineOf(source.text(), source.url()), 0,
                            "duplicate canonical URL '" + source.url() + "': also in " + sameUrl.file()));
                }
                // A urn:oid: (or other URN) canonical names a code system or value set its owner identified (e.g. the
                // MHLW tables): a guide may publish its definition, which cannot sit under the guide's base.
                if (source.role() == FhirSource.Role.CONFORMANCE && !config.owns(source.url()) && !source.url().startsWith("urn:")) {
                    byForeignBase.computeIfAbsent(baseOf(source.url()), b -> new ArrayList<>()).add(source);
                }
            }
            byForeignBase.forEach((base, sources) -> {
                FhirSource first = sources.get(0);
                findings.add(Finding.warning(first.file(), TextPositions.lineOf(first.text(), first.url()), 0,
                        Plural.of(sources.size(), "resource") + " under " + base + ", outside the project's canonical base "
                                + config.canonical() + ": if the guide owns this base, add it to 'canonicals' in nexehrs.yaml"));
            });
            return findings;
        }

        /** The URL up to its resource type: {@code http://x.org/fhir/a/StructureDefinition/p} -> {@code http://x.org/fhir/a}. */
        static String baseOf(String url) {
            String[] parts = url.split("/");
            for (int i = parts.length - 2; i > 2; i--) {
                if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                    return String.join("/", java.util.Arrays.copyOfRange(parts, 0, i));
                }
            }
            int last = url.lastIndexOf('/');
            return last > "https://".length() ? url.substring(0, last) : url;
        }
    }
}
