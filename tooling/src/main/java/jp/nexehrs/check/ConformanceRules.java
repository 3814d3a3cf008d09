package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;

import jp.nexehrs.util.Plural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.List;
import java.util.Optional;

/**
 * Checks on the project's own profiles and extensions, before any example is validated against them: every
 * differential element must exist in the base, allow only types the base allows, stay within the base's
 * cardinality, state invariants in FHIRPath that compiles, and bind to ValueSets that can be found. Each
 * finding names the file and the line of the element.
 */
final class ConformanceRules {
    static final String RULE_PATH = "conformance-path";
    static final String RULE_TYPE = "conformance-type";
    static final String RULE_CARDINALITY = "conformance-cardinality";
    static final String RULE_INVARIANT = "conformance-invariant";
    static final String RULE_BINDING = "conformance-binding";

    private final ConformanceSupport support;
    private final Predicate<String> owned;
    private final BaseElementResolver resolver;
    private final FHIRPathEngine fhirPath;

    /** @param owned whether a URL is under one of the project's own bases, where a missing value set is a typo */
    ConformanceRules(ConformanceSupport support, Predicate<String> owned) {
        this.support = support;
        this.owned = owned;
        this.resolver = new BaseElementResolver(support);
        this.fhirPath = new FHIRPathEngine(new HapiWorkerContext(support.engine().context(), support.chain()));
    }

    List<Finding> check(List<FhirSource> conformance) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Finding>> notCheckedOffline = new LinkedHashMap<>();
        for (FhirSource source : conformance) {
            if (source.resource() instanceof StructureDefinition profile && profile.hasDifferential()) {
                new ProfileCheck(source, profile, findings, notCheckedOffline).run();
            }
        }
        notCheckedOffline.forEach((url, bindings) -> findings.add(grouped(url, bindings)));
        return findings;
    }

    /** One warning per value set that is not available offline, at its first binding, counting the others. */
    private static Finding grouped(String url, List<Finding> bindings) {
        Finding first = bindings.get(0);
        long profiles = bindings.stream().map(Finding::file).distinct().count();
        String others = bindings.size() == 1 ? "" : " (bound by " + bindings.size() + " elements in " + Plural.of(profiles, "profile")
                + "; the first is here)";
        return new Finding(Severity.WARNING, first.file(), first.line(), 0, first.fhirPath(), RULE_BINDING,
                InstanceValidator.NOT_CHECKED_OFFLINE + "ValueSet " + url + " is not available offline, so codes bound to it"
                        + " cannot be checked" + others);
    }

    /** The checks of one profile, with the file and text that findings point into. */
    private final class ProfileCheck {
        private final FhirSource source;
        private final StructureDefinition profile;
        private final List<Finding> findings;
        private final Map<String, List<Finding>> notCheckedOffline;

        ProfileCheck(FhirSource source, StructureDefinition profile, List<Finding> findings, Map<String, List<Finding>> notCheckedOffline) {
            this.source = source;
            this.profile = profile;
            this.findings = findings;
            this.notCheckedOffline = notCheckedOffline;
        }

        void run() {
            StructureDefinition base = profile.hasBaseDefinition() ? resolver.structure(profile.getBaseDefinition()) : null;
            StructureDefinition generated = resolver.structure(profile.getUrl());
            // Without a generated snapshot (generation has said why) only what the base's snapshot has can be told.
            boolean generatedSnapshot = generated != null && generated.hasSnapshot();
            // A specialization (a logical model, a new resource) defines its elements; only constraints must fit a base.
            boolean constraint = base != null && base.hasSnapshot()
                    && profile.getDerivation() != StructureDefinition.TypeDerivationRule.SPECIALIZATION;
            for (ElementDefinition element : profile.getDifferential().getElement()) {
                if (constraint) {
                    Optional<BaseElementResolver.Match> match = resolver.resolve(base, element, generated);
                    if (match.isEmpty() && generatedSnapshot) {
                        add(Severity.ERROR, element, RULE_PATH, "element '" + label(element) + "' does not exist in the base "
                                + profile.getBaseDefinition());
                    } else if (match.isPresent()) {
                        checkTypes(element, match.get());
                        checkCardinality(element, match.get().element());
                    }
                }
                checkInvariants(element);
                checkBinding(element);
            }
        }

        private void checkTypes(ElementDefinition element, BaseElementResolver.Match match) {
            List<String> allowed = match.element().getType().stream().map(ElementDefinition.TypeRefComponent::getWorkingCode).toList();
            if (allowed.isEmpty()) return;
            List<String> types = new ArrayList<>(element.getType().stream().map(ElementDefinition.TypeRefComponent::getWorkingCode).toList());
            match.impliedType().ifPresent(types::add);
            for (String type : types) {
                if (allowed.stream().noneMatch(a -> resolver.isSameOrSpecialization(type, a))) {
                    add(Severity.ERROR, element, RULE_TYPE, "type '" + type + "' of '" + label(element)
                            + "' is not allowed by the base, which allows " + String.join(", ", allowed));
                }
            }
        }

        private void checkCardinality(ElementDefinition element, ElementDefinition base) {
            // A new slice may have a lower min than the sliced element: the slices together meet the element's min.
            boolean newSlice = element.hasSliceName() && !element.getSliceName().equals(base.getSliceName());
            if (!newSlice && element.hasMin() && base.hasMin() && element.getMin() < base.getMin()) {
                add(Severity.ERROR, element, RULE_CARDINALITY, "min " + element.getMin() + " of '" + label(element)
                        + "' is lower than the base's min " + base.getMin());
            }
            if (element.hasMax() && base.hasMax() && maxOf(element.getMax()) > maxOf(base.getMax())) {
                add(Severity.ERROR, element, RULE_CARDINALITY, "max " + element.getMax() + " of '" + label(element)
                        + "' is higher than the base's max " + base.getMax());
            }
        }

        private void checkInvariants(ElementDefinition element) {
            for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
                if (!constraint.hasExpression()) {
                    if (constraint.hasKey()) add(Severity.ERROR, constraint.getKey(), element, RULE_INVARIANT,
                            "invariant '" + constraint.getKey() + "' on '" + label(element) + "' has no FHIRPath expression");
                    continue;
                }
                try {
                    fhirPath.parse(constraint.getExpression());
                } catch (RuntimeException e) {
                    add(Severity.ERROR, constraint.getKey(), element, RULE_INVARIANT, "invariant '" + constraint.getKey() + "' on '"
                            + label(element) + "' does not compile: " + constraint.getExpression() + ": " + e.getMessage());
                }
            }
        }

        /**
         * A value set under the project's own bases that is nowhere is a typo (an error for a required or extensible
         * binding); one elsewhere is a terminology not available offline, said once per value set.
         */
        private void checkBinding(ElementDefinition element) {
            if (!element.hasBinding() || !element.getBinding().hasValueSet()) return;
            String valueSet = element.getBinding().getValueSet();
            String url = valueSet.contains("|") ? valueSet.substring(0, valueSet.indexOf('|')) : valueSet;
            if (support.chain().fetchValueSet(url) != null) return;
            BindingStrength strength = element.getBinding().getStrength();
            String binding = "the " + (strength == null ? "" : strength.toCode() + " ") + "binding of '" + label(element) + "'";
            if (!owned.test(url)) {
                notCheckedOffline.computeIfAbsent(url, u -> new ArrayList<>()).add(new Finding(Severity.WARNING, source.file(),
                        lineOf(url, element), 0, element.getPath(), RULE_BINDING, binding));
                return;
            }
            boolean codeSystem = support.chain().fetchCodeSystem(url) != null;
            String message = binding + " names ValueSet " + url + ", which is not in this project or its dependencies"
                    + (codeSystem ? " (it is a CodeSystem's URL: bind to a ValueSet that includes the code system)" : "");
            boolean strong = strength == BindingStrength.REQUIRED || strength == BindingStrength.EXTENSIBLE;
            add(strong ? Severity.ERROR : Severity.WARNING, url, element, RULE_BINDING, message);
        }

        private void add(Severity severity, ElementDefinition element, String rule, String message) {
            add(severity, null, element, rule, message);
        }

        /** A finding on the line of {@code detail} (a key, a URL) within the element, else on the element's line. */
        private void add(Severity severity, String detail, ElementDefinition element, String rule, String message) {
            findings.add(new Finding(severity, source.file(), lineOf(detail, element), 0, element.getPath(), rule, message));
        }

        private int lineOf(String detail, ElementDefinition element) {
            String elementNeedle = "\"" + (element.hasId() ? element.getId() : element.getPath()) + "\"";
            return detail == null ? TextPositions.lineOfSequence(source.text(), "\"differential\"", elementNeedle)
                    : TextPositions.lineOfSequence(source.text(), "\"differential\"", elementNeedle, "\"" + detail + "\"");
        }
    }

    private static String label(ElementDefinition element) {
        return element.hasId() ? element.getId() : element.getPath();
    }

    private static int maxOf(String max) {
        return "*".equals(max) ? Integer.MAX_VALUE : Integer.parseInt(max);
    }
}
