package jp.nexehrs.changelog;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.nexehrs.check.Checked;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedDocument;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one version holds, as the change log compares it: its StructureDefinitions with the snapshots the
 * pipeline generated, and the outline of each guideline document. Saved next to a cached release
 * ({@code profiles/<key>.json}, {@code documents.json}) so later comparisons need no rebuild.
 */
public record VersionContent(List<StructureDefinition> profiles, List<DocumentOutline> documents) {
    static final String PROFILES = "profiles";
    static final String DOCUMENTS = "documents.json";
    private static final Pattern HEADING = Pattern.compile("<h[1-6] id=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public VersionContent {
        profiles = List.copyOf(profiles);
        documents = List.copyOf(documents);
    }

    public static VersionContent of(Checked checked) {
        List<StructureDefinition> profiles = checked.converted().conformance().stream()
                .map(ConformanceArtifact::resource)
                .filter(StructureDefinition.class::isInstance).map(StructureDefinition.class::cast).toList();
        List<DocumentOutline> documents = checked.converted().documents().stream().map(VersionContent::outline).toList();
        return new VersionContent(profiles, documents);
    }

    /** Sections by their anchors in the converted HTML: each runs from its heading to the next one. */
    static DocumentOutline outline(ConvertedDocument document) {
        String html = document.htmlBody();
        List<Integer> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            starts.add(m.start());
            ids.add(m.group(1));
        }
        List<DocumentOutline.Section> sections = new ArrayList<>();
        for (ConvertedDocument.Heading heading : document.headings()) {
            int index = ids.indexOf(heading.id());
            String hash = "";
            if (index >= 0) {
                int end = index + 1 < starts.size() ? starts.get(index + 1) : html.length();
                hash = sha256(html.substring(starts.get(index), end));
            }
            sections.add(new DocumentOutline.Section(heading.id(), heading.title(), hash));
        }
        return new DocumentOutline(document.id(), document.title(), sections);
    }

    public void write(Path dir, FhirContext context) throws IOException {
        Path profileDir = dir.resolve(PROFILES);
        Files.createDirectories(profileDir);
        IParser parser = context.newJsonParser().setPrettyPrint(true);
        for (StructureDefinition profile : profiles) {
            Files.writeString(profileDir.resolve("StructureDefinition-" + profile.getIdPart() + ".json"),
                    parser.encodeResourceToString(profile), StandardCharsets.UTF_8);
        }
        JSON.writeValue(dir.resolve(DOCUMENTS).toFile(), documents);
    }

    public static VersionContent read(Path dir, FhirContext context) throws IOException {
        IParser parser = context.newJsonParser();
        List<StructureDefinition> profiles = new ArrayList<>();
        Path profileDir = dir.resolve(PROFILES);
        if (Files.isDirectory(profileDir)) {
            try (Stream<Path> files = Files.list(profileDir)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    profiles.add(parser.parseResource(StructureDefinition.class, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        List<DocumentOutline> documents = JSON.readValue(dir.resolve(DOCUMENTS).toFile(), new TypeReference<>() {});
        return new VersionContent(profiles, documents);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
