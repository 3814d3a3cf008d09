package jp.nexehrs.check;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import jp.nexehrs.fhir.ResourcePins;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.ParserBase;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HAPI's {@link FhirInstanceValidator}, but reusing the core validator ({@code org.hl7.fhir.validation}'s
 * InstanceValidator) from one resource to the next instead of building a new one per resource, as HAPI 8.8.1's
 * ValidatorWrapper does. Building one reads the validator's OID table from a CSV file and builds a FHIRPath engine
 * and profile utilities over every StructureDefinition, which dominated validation time (tooling/BENCHMARKS.md).
 * <p>
 * The core validator is not thread-safe, so each is used by one thread at a time: a thread borrows one from a
 * queue (or builds one) and gives it back. Its own validate() resets the per-resource state (fetch cache, resource
 * tracker, tracked messages); what it does not reset is reset here (the "deprecated/retired content" warnings it
 * gives once per validator). Its JSON parser is kept too. A validator is retired after {@link #USES_PER_VALIDATOR}
 * resources, because a few of its collections only ever grow (the codings it has seen, with the parsed instance each
 * came from; the child lists of every profile it used; narrative id maps).
 * <p>
 * Everything else is what HAPI's ValidatorWrapper does (a package-private class, so it cannot be reused): the
 * same settings, the profiles from the options and from {@code meta.profile}, the same filtered messages. The
 * settings are read when a core validator is built: set them before the first validation.
 * <p>
 * Relies on HAPI internals: seams S1-S4 in tooling/HAPI-SEAMS.md, pinned by HapiSeamsTest.
 */
final class ReusingInstanceValidatorModule extends FhirInstanceValidator {
    /**
     * A validator serves this many resources before it is retired, bounding what it accumulates: kept for as many
     * resources as there were StructureDefinitions, on large guides the validators held every example validated and
     * every profile used until the check stage ended, and a build under the launcher's heap cap ran out of memory
     * (tooling/BENCHMARKS.md). Building one is cheap since the support lists only type definitions
     * (OnDemandConformance), a fixed number, rather than every profile.
     */
    static final int USES_PER_VALIDATOR = 100;
    private final Queue<PooledValidator> idle = new ConcurrentLinkedQueue<>();
    private final ResourcePins pins;

    /** @param pins keeps what each core validator fetched the same objects until it is retired */
    ReusingInstanceValidatorModule(IValidationSupport support, ResourcePins pins) {
        super(support);
        this.pins = pins;
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext worker = provideWorkerContext();
        PooledValidator validator = Objects.requireNonNullElseGet(idle.poll(), () -> newValidator(worker));
        // When this throws, the validator is not given back: its state halfway through a resource is unknown.
        List<ValidationMessage> messages = pins.during(validator.pinned, () -> validate(validator, worker, context));
        if (++validator.uses < USES_PER_VALIDATOR) idle.offer(validator);
        return messages;
    }

    /**
     * Builds the first core validator now, on this thread, for the first validation to use. Building one has HAPI's
     * adapter convert every StructureDefinition the support lists to R5, and the first build does it twice (once
     * uncached, then again into the cache); two threads building their first validators at once held three R5 copies
     * of each at the same moment (when the support still listed every profile, more live heap and a slower check
     * stage on two threads than on one: tooling/BENCHMARKS.md). Built here first, every later validator finds the
     * converted list ready.
     */
    void prepare() {
        idle.offer(newValidator(provideWorkerContext()));
    }

    /** Clears the reused validators, e.g. after the support chain's resources were replaced. */
    @Override
    public void invalidateCaches() {
        idle.clear();
        super.invalidateCaches();
    }

    private PooledValidator newValidator(IWorkerContext worker) {
        IHostApplicationServices host = Objects.requireNonNullElseGet(getHostApplicationServices(), NullEvaluationContext::new);
        PooledValidator v;
        try {
            v = new PooledValidator(worker, host);
        } catch (Exception e) {
            throw new IllegalStateException("could not build the FHIR validator: " + e.getMessage(), e);
        }
        v.setAssumeValidRestReferences(isAssumeValidRestReferences());
        v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        v.setResourceIdRule(IdStatus.OPTIONAL);
        v.setNoTerminologyChecks(isNoTerminologyChecks());
        v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        // As HAPI: interacts with UnknownCodeSystemWarningValidationSupport, which decides the severity.
        v.setUnknownCodeSystemsCauseErrors(true);
        v.getExtensionDomains().addAll(getExtensionDomains());
        v.setFetcher(getValidatorResourceFetcher());
        v.setPolicyAdvisor(getValidatorPolicyAdvisor());
        v.setNoExtensibleWarnings(isNoExtensibleWarnings());
        v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        v.setAllowExamples(isAllowExamples());
        v.setAllowXsiLocation(true);
        return v;
    }

    private List<ValidationMessage> validate(PooledValidator v, IWorkerContext worker, IValidationContext<?> context) {
        v.forgetPreviousResource();
        List<ValidationMessage> messages = new ArrayList<>();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        for (String url : context.getOptions().getProfiles()) addProfile(worker, profiles, url, unknownProfiles);
        String input = context.getResourceAsString();
        EncodingEnum encoding = context.getResourceAsStringEncoding();
        ByteArrayInputStream stream = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        if (encoding == EncodingEnum.XML) {
            Document document;
            try {
                document = XmlUtil.parseDocument(input);
            } catch (Exception e) {
                ValidationMessage m = new ValidationMessage();
                m.setLevel(ValidationMessage.IssueSeverity.FATAL);
                m.setMessage("Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
                messages.add(m);
                return messages;
            }
            for (String url : xmlMetaProfiles(document)) addProfile(worker, profiles, url, unknownProfiles);
            v.validate(null, messages, stream, Manager.FhirFormat.XML, profiles);
        } else if (encoding == EncodingEnum.JSON) {
            JsonObject json = new Gson().fromJson(input, JsonObject.class);
            JsonObject meta = json.getAsJsonObject("meta");
            JsonElement claimed = meta == null ? null : meta.get("profile");
            if (claimed != null && claimed.isJsonArray()) {
                for (JsonElement url : (JsonArray) claimed) addProfile(worker, profiles, url.getAsString(), unknownProfiles);
            }
            v.validate(context.getOptions().getAppContext(), messages, stream, Manager.FhirFormat.JSON, profiles);
        } else {
            throw new IllegalArgumentException("unknown encoding of the resource to validate: " + encoding);
        }
        if (profiles.isEmpty()) messages.addAll(unknownProfiles);
        // HAPI drops these two: a binding without a value set, and the MIME types value set it cannot load.
        messages.removeIf(m -> m.getMessageId() != null
                && (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                || (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))));
        for (ValidationMessage m : messages) {
            if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
                    || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId())) {
                m.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR : ValidationMessage.IssueSeverity.WARNING);
            }
        }
        return messages;
    }

    private static void addProfile(IWorkerContext worker, List<StructureDefinition> profiles, String url, List<ValidationMessage> unknown) {
        StructureDefinition profile;
        try {
            profile = worker.fetchResource(StructureDefinition.class, url);
        } catch (FHIRException e) {
            // As HAPI: a profile that cannot be read is left out; the validator reports the claim itself.
            return;
        }
        if (profile != null) {
            profiles.add(profile);
        } else {
            ValidationMessage m = new ValidationMessage();
            m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
            m.setLevel(ValidationMessage.IssueSeverity.ERROR);
            m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
            unknown.add(m);
        }
    }

    /** The {@code meta.profile} values of an XML resource, read as HAPI reads them (first meta element only). */
    private static List<String> xmlMetaProfiles(Document document) {
        List<String> urls = new ArrayList<>();
        NodeList children = document.getChildNodes().item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!children.item(i).getNodeName().equalsIgnoreCase("meta")) continue;
            NodeList meta = children.item(i).getChildNodes();
            for (int j = 0; j < meta.getLength(); j++) {
                Node node = meta.item(j);
                if (node.getNodeName().equalsIgnoreCase("profile")) urls.add(node.getAttributes().item(0).getNodeValue());
            }
            break;
        }
        return urls;
    }

    /**
     * The core validator, with access to the state it keeps across resources and should not, and with one JSON
     * parser kept for its lifetime: the core builds a parser per resource, and building one builds a FHIRPath
     * engine and profile utilities over every StructureDefinition (a measurable share of validation time:
     * tooling/BENCHMARKS.md).
     */
    private static final class PooledValidator extends org.hl7.fhir.validation.instance.InstanceValidator {
        private final ParserBase jsonParser;
        private int uses;
        /** What this validator fetched from the project's conformance resources: kept until it is retired. */
        private final Set<IBaseResource> pinned = ResourcePins.newSet();

        PooledValidator(IWorkerContext worker, IHostApplicationServices host) throws Exception {
            super(worker, host, new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
            // As the core sets up its parser for validation (comments not allowed, no signature services: HAPI's defaults).
            jsonParser = Manager.makeParser(worker, Manager.FhirFormat.JSON);
            jsonParser.setupValidation(ParserBase.ValidationPolicy.EVERYTHING);
            ((JsonParser) jsonParser).setAllowComments(false);
        }

        /** "Deprecated/withdrawn/retired content" is warned once per validator; a fresh one warns for each resource. */
        void forgetPreviousResource() {
            statusWarnings.clear();
        }

        /**
         * The core's own method, with the kept parser, for JSON against non-logical profiles; anything else (XML,
         * logical models) goes the core's way. A JSON parser states no implied profile.
         */
        @Override
        public Element validate(Object appContext, List<ValidationMessage> errors, InputStream stream, Manager.FhirFormat format,
                                List<StructureDefinition> profiles) throws FHIRException {
            if (format != Manager.FhirFormat.JSON || profiles.stream().anyMatch(p -> p.getKind() == StructureDefinition.StructureDefinitionKind.LOGICAL)) {
                return super.validate(appContext, errors, stream, format, profiles);
            }
            long start = System.nanoTime();
            validatedContent = null;
            try {
                validatedContent = jsonParser.parse(stream);
            } catch (IOException e) {
                throw new FHIRException(e);
            }
            timeTracker.load(start);
            if (validatedContent == null || validatedContent.isEmpty()) return null;
            for (ValidatedFragment fragment : validatedContent) {
                if (fragment.getElement() != null) {
                    validate(appContext, fragment.getErrors(), validatedContent.size() > 1 ? fragment.path() : null, fragment.getElement(), profiles);
                }
                errors.addAll(fragment.getErrors());
            }
            return validatedContent.get(0).getElement();
        }
    }
}
