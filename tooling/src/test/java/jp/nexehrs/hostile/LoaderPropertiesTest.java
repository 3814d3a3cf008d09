package jp.nexehrs.hostile;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.fhir.ResourceReader;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.YamlReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Whatever bytes a contributor commits, the loaders either read them or report a {@link SourceException} that
 * names the file: never another exception, never a hang.
 */
class LoaderPropertiesTest {
    private static final FhirEngine ENGINE = new FhirEngine();
    private final ResourceReader reader = new ResourceReader(ENGINE);

    @Property(tries = 300)
    void arbitraryBytesAsJsonAreReadOrReported(@ForAll @Size(max = 400) byte[] bytes) {
        readOrReport(bytes, ResourceFormat.JSON);
    }

    @Property(tries = 300)
    void arbitraryBytesAsXmlAreReadOrReported(@ForAll @Size(max = 400) byte[] bytes) {
        readOrReport(bytes, ResourceFormat.XML);
    }

    @Property(tries = 300)
    void mangledResourcesAreReadOrReported(@ForAll("mangledPatients") String text) {
        readOrReport(text.getBytes(StandardCharsets.UTF_8), ResourceFormat.JSON);
    }

    @Property(tries = 200)
    void arbitraryYamlIsReadOrReported(@ForAll("yamlish") String text) throws IOException {
        Path file = Files.createTempFile("nexehrs", ".yaml");
        try {
            Files.writeString(file, text);
            new YamlReader().read(file, "nexehrs.yaml", jp.nexehrs.load.ProjectConfig.class);
        } catch (SourceException e) {
            assertFalse(e.file().isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @net.jqwik.api.Example
    void anEmptyKeyThatCrashesHapisParserIsReportedOnTheFile() {
        // Found by mangledResourcesAreReadOrReported: HAPI's JsonParser throws StringIndexOutOfBoundsException here.
        readOrReport("{\"resourceType\":\"Patient\",\"id\":\"p\",\"\":true}".getBytes(StandardCharsets.UTF_8), ResourceFormat.JSON);
    }

    private void readOrReport(byte[] bytes, ResourceFormat format) {
        try {
            assertNotNull(reader.read("profiles/examples/x." + format.extension(), bytes, format, false).resource());
        } catch (SourceException e) {
            assertFalse(e.file().isEmpty(), "the error names the file");
            assertNotNull(e.getMessage());
        }
    }

    /** A valid Patient with a slice of it cut out, characters swapped in, or its nesting repeated. */
    @Provide
    Arbitrary<String> mangledPatients() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"山田\",\"given\":[\"花子\"]}],"
                + "\"birthDate\":\"1980-01-01\",\"gender\":\"female\",\"extension\":[{\"url\":\"http://x\",\"valueString\":\"v\"}]}";
        Arbitrary<String> cut = Arbitraries.integers().between(0, patient.length()).tuple2()
                .map(t -> patient.substring(0, Math.min(t.get1(), t.get2())) + patient.substring(Math.max(t.get1(), t.get2())));
        Arbitrary<String> swapped = Arbitraries.integers().between(0, patient.length() - 1)
                .flatMap(i -> Arbitraries.chars().map(c -> patient.substring(0, i) + c + patient.substring(i + 1)));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000)
                .map(n -> "{\"resourceType\":\"Patient\",\"id\":\"p\",\"contained\":" + "[".repeat(n) + "]".repeat(n) + "}");
        return Arbitraries.oneOf(cut, swapped, nested);
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings().withChars("abcdefgijklmnoprstuvwxyz:-[]{}#&*!|>'\"%@` \n\t0123456789.本人").ofMaxLength(200);
    }
}
