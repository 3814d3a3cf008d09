package jp.nexehrs.check;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.PackageReader;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A core validator reused from resource to resource says exactly what HAPI's FhirInstanceValidator (a new core
 * validator per resource) says: every message, its severity, location and id, on JP Core 1.1.2's 48 examples
 * (validated twice over, so that each resource meets a validator that has already seen others, itself included).
 */
class ReusingInstanceValidatorModuleTest {
    private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter",
            "NamingSystem", "CapabilityStatement", "ImplementationGuide", "package.json");

    @Test
    void reusedValidatorGivesTheMessagesOfAFreshOne() throws Exception {
        Path packageFolder = CorpusFixtures.jpCore112().resolve("expected/snapshot");
        FhirEngine engine = new FhirEngine();
        ConformanceSupport support = new ConformanceSupport(engine);
        new DependencyConformance(support, 1).register(List.of(new PackageReader(engine).read(packageFolder)));
        FhirValidator fresh = validator(engine, new FhirInstanceValidator(support.chain()));
        FhirValidator reused = validator(engine, new ReusingInstanceValidatorModule(support.chain(), support.pins()));

        List<String> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(packageFolder.resolve("package"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                if (!CONFORMANCE.contains(file.getFileName().toString().split("-")[0])) examples.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertEquals(48, examples.size());
        int messages = 0;
        for (int round = 0; round < 2; round++) {
            for (String example : examples) {
                List<String> expected = messagesOf(fresh, example);
                assertEquals(expected, messagesOf(reused, example));
                messages += expected.size();
            }
        }
        System.out.printf("reused validator: the same %d messages as a fresh validator per resource%n", messages);
    }

    static FhirValidator validator(FhirEngine engine, FhirInstanceValidator module) {
        module.setAnyExtensionsAllowed(false);
        module.setErrorForUnknownProfiles(false);
        FhirValidator validator = engine.context().newValidator().registerValidatorModule(module);
        validator.setConcurrentBundleValidation(false);
        return validator;
    }

    static List<String> messagesOf(FhirValidator validator, String resource) {
        List<String> lines = new ArrayList<>();
        for (SingleValidationMessage m : validator.validateWithResult(resource).getMessages()) {
            lines.add(m.getSeverity() + " " + m.getLocationString() + " " + m.getLocationLine() + ":" + m.getLocationCol()
                    + " " + m.getMessageId() + " " + m.getMessage());
        }
        return lines;
    }
}
