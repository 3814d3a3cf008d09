package jp.nexehrs.check;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.util.Parallel;
import jp.nexehrs.util.TextPositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        findings.addAll(new ConformanceRules(converted.support()).check(project.resources(FhirSource.Role.CONFORMANCE)));
        findings.addAll(new IdentityRules(project.config().canonical()).check(project.resources()));
        ValueSetExpansions.Result terminology = new ValueSetExpansions(converted.support(), project.config().canonical())
                .expand(converted.conformance());
        findings.addAll(terminology.findings());

        Validations validator = new Validations(converted);
        findings.addAll(new ClaimedProfiles(converted.support()).check(project.resources(FhirSource.Role.EXAMPLE)));
        List<ExampleValidation> examples = validateAll(validator, project.resources(FhirSource.Role.EXAMPLE));
        examples.forEach(e -> findings.addAll(e.findings()));

        List<ExampleValidation> invalid = validateAll(validator, project.resources(FhirSource.Role.INVALID_EXAMPLE));
        findings.addAll(new InvalidExampleCheck().check(invalid, project.invalidExpectations(), ProjectLoader.INVALID_MANIFEST_FILE));

        findings.addAll(new LinkCheck().check(converted.documents(), converted.conformance(),
                examples.stream().map(ExampleValidation::source).toList(), project.pagePaths(), project.config().packageFileName()));

        findings.addAll(new AccessibilityCheck().check(converted.documents()));

        GovernanceCheck.Result governance = new GovernanceCheck().check(project.governance(), converted.documents());
        findings.addAll(governance.findings());
        Suppressions.Result accepted = new Suppressions().apply(project.config().suppress(), findings);
        return new Checked(converted, examples, terminology.expansions(), governance.report(), accepted.kept(), accepted.suppressed());
    }

    /** Validates resources that are not part of the project (an implementer's files) against its profiles, as read. */
    public <T> List<Finding> validateEach(Converted converted, List<T> files, FileValidation.SourceReader<T> reader) {
        return FileValidation.each(threads, files, reader, new Validations(converted)::of);
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

        List<Finding> of(FhirSource source) {
            Optional<String> key = cached.keyOf(source);
            Optional<List<Finding>> remembered = key.flatMap(cached::find);
            if (remembered.isPresent()) return remembered.get();
            List<Finding> findings = validator().validate(source);
            key.ifPresent(k -> cached.remember(k, findings));
            return findings;
        }

        private synchronized InstanceValidator validator() {
            if (validator == null) validator = new InstanceValidator(converted.support());
            return validator;
        }
    }

    private List<ExampleValidation> validateAll(Validations validator, List<FhirSource> sources) {
        return new Parallel(threads).map(sources, source -> new ExampleValidation(source, validator.of(source)));
    }

    /** Ids and canonical URLs must be unique, and canonical URLs must sit under the project's base. */
    static final class IdentityRules {
        private final String canonicalBase;

        IdentityRules(String canonicalBase) {
            this.canonicalBase = canonicalBase;
        }

        List<Finding> check(List<FhirSource> resources) {
            List<Finding> findings = new ArrayList<>();
            Map<String, FhirSource> byKey = new HashMap<>();
            Map<String, FhirSource> byUrl = new HashMap<>();
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
                if (source.role() == FhirSource.Role.CONFORMANCE && !source.url().startsWith(canonicalBase + "/")
                        && !source.url().startsWith("urn:")) {
                    findings.add(Finding.error(source.file(), TextPositions.lineOf(source.text(), source.url()), 0,
                            "canonical URL '" + source.url() + "' is not under the project's base " + canonicalBase));
                }
            }
            return findings;
        }
    }
}
