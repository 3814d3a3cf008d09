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

import java.util.ArrayList;
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
    /** Value sets of terminologies that are never available offline: a binding to them cannot be checked here. */
    private static final List<String> EXTERNAL_TERMINOLOGIES = List.of("http://loinc.org", "http://snomed.info/",
            "http://unitsofmeasure.org", "http://www.nlm.nih.gov/research/umls/rxnorm");

    private final ConformanceSupport support;
    private final BaseElementResolver resolver;
    private final FHIRPathEngine fhirPath;

    ConformanceRules(ConformanceSupport support) {
        this.support = support;
        this.resolver = new BaseElementResolver(support);
        this.fhirPath = new FHIRPathEngine(new HapiWorkerContext(support.engine().context(), support.chain()));
    }

    List<Finding> check(List<FhirSource> conformance) {
        List<Finding> findings = new ArrayList<>();
        for (FhirSource source : conformance) {
            if (source.resource() instanceof StructureDefinition profile && profile.hasDifferential()) {
                new ProfileCheck(source, profile, findings).run();
            }
        }
        return findings;
    }

    /** The checks of one profile, with the file and text that findings point into. */
    private final class ProfileCheck {
        private final FhirSource source;
        private final StructureDefinition profile;
        private final List<Finding> findings;

        ProfileCheck(FhirSource source, StructureDefinition profile, List<Finding> findings) {
            this.source = source;
            this.profile = profile;
            this.findings = findings;
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

        private void checkBinding(ElementDefinition element) {
            if (!element.hasBinding() || !element.getBinding().hasValueSet()) return;
            String valueSet = element.getBinding().getValueSet();
            String url = valueSet.contains("|") ? valueSet.substring(0, valueSet.indexOf('|')) : valueSet;
            if (support.chain().fetchValueSet(url) != null) return;
            BindingStrength strength = element.getBinding().getStrength();
            if (EXTERNAL_TERMINOLOGIES.stream().anyMatch(url::startsWith)) {
                add(Severity.WARNING, url, element, RULE_BINDING, InstanceValidator.NOT_CHECKED_OFFLINE + "the binding of '"
                        + label(element) + "' to ValueSet " + url + " (an external terminology)");
                return;
            }
            boolean codeSystem = support.chain().fetchCodeSystem(url) != null;
            String message = "the " + (strength == null ? "" : strength.toCode() + " ") + "binding of '" + label(element)
                    + "' names ValueSet " + url + ", which is not in FHIR R4, this project or its dependencies"
                    + (codeSystem ? " (it is a CodeSystem's URL: bind to a ValueSet that includes the code system)" : "");
            boolean strong = strength == BindingStrength.REQUIRED || strength == BindingStrength.EXTENSIBLE;
            add(strong ? Severity.ERROR : Severity.WARNING, url, element, RULE_BINDING, message);
        }

        private void add(Severity severity, ElementDefinition element, String rule, String message) {
            add(severity, null, element, rule, message);
        }

        /** A finding on the line of {@code detail} (a key, a URL) within the element, else on the element's line. */
        private void add(Severity severity, String detail, ElementDefinition element, String rule, String message) {
            String elementNeedle = "\"" + (element.hasId() ? element.getId() : element.getPath()) + "\"";
            int line = detail == null ? TextPositions.lineOfSequence(source.text(), "\"differential\"", elementNeedle)
                    : TextPositions.lineOfSequence(source.text(), "\"differential\"", elementNeedle, "\"" + detail + "\"");
            findings.add(new Finding(severity, source.file(), line, 0, element.getPath(), rule, message));
        }
    }

    private static String label(ElementDefinition element) {
        return element.hasId() ? element.getId() : element.getPath();
    }

    private static int maxOf(String max) {
        return "*".equals(max) ? Integer.MAX_VALUE : Integer.parseInt(max);
    }
}
