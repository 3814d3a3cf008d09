package jp.nexehrs.check;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.LibraryMessages;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * Expands every project value set in memory and checks its definition first, because HAPI's in-memory expansion
 * quietly drops what it cannot match: a code the included code system does not define, a filter on a property it
 * does not have, a nested value set that is nowhere. Each of those is an error on the value set's file and line.
 * A code system or value set outside the project that is not available offline (LOINC, SNOMED CT, JP national
 * code systems) makes the expansion "not expandable offline", which is not a finding.
 */
final class ValueSetExpansions {
    /** Filter properties every code system has (FHIR R4 CodeSystem, "Filters"), besides its declared properties. */
    private static final Set<String> IMPLICIT_PROPERTIES = Set.of("concept", "code", "display", "parent", "child",
            "status", "inactive", "notSelectable");
    private static final Set<String> HIERARCHY_OPERATORS = Set.of("is-a", "descendent-of", "is-not-a", "generalizes");

    /** The expander's words for filters on a code system that does not list its codes here. */
    private static final Pattern ABSENT_CODE_SYSTEM = Pattern.compile("CodeSystem '([^']+)' is (?:ignored/not-present|unknown)");

    private final ConformanceSupport support;
    static final String RULE_SYSTEM_UNKNOWN = "valueset-source-unknown";
    private final Predicate<String> owned;

    /** @param owned whether a URL is under one of the project's own bases (where a missing definition is a typo) */
    ValueSetExpansions(ConformanceSupport support, Predicate<String> owned) {
        this.support = support;
        this.owned = owned;
    }

    record Result(Map<String, ValueSetExpansion> expansions, List<Finding> findings) {
    }

    Result expand(List<ConformanceArtifact> conformance) {
        Map<String, ValueSetExpansion> expansions = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (ConformanceArtifact artifact : conformance) {
            if (!(artifact.resource() instanceof ValueSet valueSet)) continue;
            Definition definition = new Definition(artifact.source());
            check(valueSet, definition);
            Optional<List<ValueSetExpansion.Code>> codes = definition.unavailable.isEmpty() && definition.findings.isEmpty()
                    ? expansion(valueSet, definition) : Optional.empty();
            findings.addAll(definition.findings);
            expansions.put(valueSet.getUrl(), new ValueSetExpansion(valueSet.getUrl(), codes, definition.unavailable));
        }
        return new Result(expansions, findings.stream().distinct().toList());
    }

    /** The findings and missing parts of one value set's compose. */
    private static final class Definition {
        final FhirSource source;
        final List<Finding> findings = new ArrayList<>();
        final List<String> unavailable = new ArrayList<>();

        Definition(FhirSource source) {
            this.source = source;
        }

        void error(String near, String message) {
            error(near, "", message);
        }

        void error(String near, String rule, String message) {
            findings.add(new Finding(Severity.ERROR, source.file(), TextPositions.lineOf(source.text(), near), 0, "", rule, message));
        }
    }

    private void check(ValueSet valueSet, Definition definition) {
        List<ValueSet.ConceptSetComponent> sets = new ArrayList<>(valueSet.getCompose().getInclude());
        sets.addAll(valueSet.getCompose().getExclude());
        for (ValueSet.ConceptSetComponent set : sets) {
            if (set.hasSystem()) checkSystem(set, definition);
            for (var nested : set.getValueSet()) {
                String url = nested.getValue();
                if (support.chain().fetchValueSet(url) != null) continue;
                if (isProjects(url)) {
                    definition.error(url, RULE_SYSTEM_UNKNOWN, "value set '" + valueSet.getUrl() + "' includes value set '" + url
                            + "', which is not in the project or its dependencies");
                } else {
                    definition.unavailable.add(url);
                }
            }
        }
    }

    private void checkSystem(ValueSet.ConceptSetComponent set, Definition definition) {
        String system = set.getSystem();
        if (!(support.chain().fetchCodeSystem(system) instanceof CodeSystem codeSystem)) {
            if (support.hasCodeSystem(system)) return;
            if (isProjects(system)) {
                definition.error(system, RULE_SYSTEM_UNKNOWN, "code system '" + system + "' is not in the project or its dependencies");
            } else {
                definition.unavailable.add(system);
            }
            return;
        }
        // A fragment, example or not-present code system does not list every code: nothing to hold the set against.
        if (codeSystem.getContent() != CodeSystem.CodeSystemContentMode.COMPLETE) return;
        for (ValueSet.ConceptReferenceComponent concept : set.getConcept()) {
            if (!defines(codeSystem.getConcept(), concept.getCode())) {
                definition.error("\"" + concept.getCode() + "\"", "code '" + concept.getCode() + "' is not defined in code system '"
                        + system + "'");
            }
        }
        for (ValueSet.ConceptSetFilterComponent filter : set.getFilter()) {
            String property = filter.getProperty();
            boolean declared = codeSystem.getProperty().stream().anyMatch(p -> property.equals(p.getCode()));
            if (!declared && !IMPLICIT_PROPERTIES.contains(property)) {
                definition.error("\"" + property + "\"", "filter property '" + property + "' is not defined by code system '"
                        + system + "'");
            }
            if (filter.hasOp() && HIERARCHY_OPERATORS.contains(filter.getOp().toCode())
                    && !defines(codeSystem.getConcept(), filter.getValue())) {
                definition.error("\"" + filter.getValue() + "\"", "filter value '" + filter.getValue() + "' is not a code of code system '"
                        + system + "'");
            }
        }
    }

    private Optional<List<ValueSetExpansion.Code>> expansion(ValueSet valueSet, Definition definition) {
        IValidationSupport chain = support.chain();
        IValidationSupport.ValueSetExpansionOutcome outcome;
        try {
            outcome = chain.expandValueSet(new ValidationSupportContext(chain), new ValueSetExpansionOptions(), valueSet);
        } catch (RuntimeException e) {
            // HAPI's expander throws on some malformed composes: the value set's error, not the build's crash.
            definition.error("\"compose\"", "value set '" + valueSet.getUrl() + "' cannot be expanded: " + LibraryMessages.of(e));
            return Optional.empty();
        }
        if (outcome != null && outcome.getError() != null) {
            // Filters on a code system that is only named here (SNOMED CT, content not-present): not checkable offline.
            Matcher absent = ABSENT_CODE_SYSTEM.matcher(outcome.getError());
            if (absent.find() && !isProjects(absent.group(1))) {
                definition.unavailable.add(absent.group(1));
                return Optional.empty();
            }
        }
        if (outcome == null || outcome.getValueSet() == null || outcome.getError() != null) {
            definition.error("\"compose\"", "value set '" + valueSet.getUrl() + "' cannot be expanded: "
                    + (outcome == null || outcome.getError() == null ? "no expansion" : LibraryMessages.clean(outcome.getError())));
            return Optional.empty();
        }
        List<ValueSetExpansion.Code> codes = ((ValueSet) outcome.getValueSet()).getExpansion().getContains().stream()
                .map(c -> new ValueSetExpansion.Code(c.getSystem(), c.getCode(), c.hasDisplay() ? c.getDisplay() : ""))
                .toList();
        if (codes.isEmpty()) {
            definition.findings.add(Finding.warning(definition.source.file(), TextPositions.lineOf(definition.source.text(), "\"compose\""), 0,
                    "value set '" + valueSet.getUrl() + "' expands to no codes"));
        }
        return Optional.of(codes);
    }

    private boolean isProjects(String url) {
        return owned.test(url);
    }

    private static boolean defines(List<CodeSystem.ConceptDefinitionComponent> concepts, String code) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            if (concept.getCode().equals(code) || defines(concept.getConcept(), code)) return true;
        }
        return false;
    }
}
