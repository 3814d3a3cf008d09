package jp.nexehrs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Japanese clinical guide of the shape issue 23 measures, written for the benchmarks: 40 differential-only
 * profiles on several bases (half on JP Core 1.1.2's profiles, a dependency package; half on R4 core) and 10
 * extensions, 120 value sets (over local code systems, over code systems that are not available, and by filter),
 * 100 code systems, 30 naming systems, and an example per core-based profile. Deterministic: the same files on
 * every run. JP Core comes from the corpus as the dependency's path; nothing of it is copied.
 */
public final class SyntheticClinicalGuide {
    static final String CANONICAL = "http://example.jp/fhir/clinical";
    static final int PROFILES = 40;
    static final int EXTENSIONS = 10;
    static final int CODE_SYSTEMS = 100;
    static final int VALUE_SETS = 120;
    static final int NAMING_SYSTEMS = 30;

    /** A base to profile: its URL, resource type, a coded element to bind, and whether JP Core defines it. */
    private record Base(String url, String type, String codedElement, boolean jpCore) {}

    private static final List<Base> BASES = List.of(
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient", "Patient", "maritalStatus", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_Common", "Observation", "code", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition", "Condition", "code", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter", "Encounter", "type", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_AllergyIntolerance", "AllergyIntolerance", "code", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner", "Practitioner", "gender", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization", "Organization", "type", true),
            new Base("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest", "MedicationRequest", "category", true),
            new Base("http://hl7.org/fhir/StructureDefinition/Observation", "Observation", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/Condition", "Condition", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/Procedure", "Procedure", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/DiagnosticReport", "DiagnosticReport", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/ServiceRequest", "ServiceRequest", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/Immunization", "Immunization", "vaccineCode", false),
            new Base("http://hl7.org/fhir/StructureDefinition/AllergyIntolerance", "AllergyIntolerance", "code", false),
            new Base("http://hl7.org/fhir/StructureDefinition/Encounter", "Encounter", "type", false));

    /** Writes the guide: {@code <target folder> <corpus folder>}. */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[1]);
        new SyntheticClinicalGuide().write(Path.of(args[0]), jpCorePackage(corpus));
    }

    /** JP Core 1.1.2's snapshot package in the corpus. */
    static Path jpCorePackage(Path corpus) {
        return corpus.resolve("jp-core-1.1.2/expected/tgz/jp-core.r4-1.1.2-snap.tgz");
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param jpCorePackage JP Core 1.1.2's snapshot package (a .tgz), the dependency its profiles derive from
     * @return the project folder
     */
    public Path write(Path target, Path jpCorePackage) throws IOException {
        Files.createDirectories(target.resolve("spec"));
        Files.writeString(target.resolve("nexehrs.yaml"), """
                # A synthetic Japanese clinical guide (issue 23's benchmark shape), written by SyntheticClinicalGuide.
                id: example.jp.clinical
                canonical: %s
                version: 1.0.0
                fhirVersion: 4.0.1
                title:
                  ja: 合成臨床情報ガイド
                  en: Synthetic clinical guide
                status: draft
                publisher: NeXEHRS benchmarks
                license: CC0-1.0
                missingDependencies: warn
                dependencies:
                  - id: jp-core.r4
                    version: 1.1.2
                    path: %s
                """.formatted(CANONICAL, jpCorePackage.toAbsolutePath()));
        Files.writeString(target.resolve("spec/index.adoc"), """
                = 合成臨床情報ガイド
                :lang: ja

                == 概要

                このガイドは性能測定のために生成された。プロファイル、値集合、コードシステムの数は実在の臨床ガイドに倣う。
                """);
        for (int i = 0; i < CODE_SYSTEMS; i++) writeResource(target, "vocabulary", codeSystem(i));
        for (int i = 0; i < VALUE_SETS; i++) writeResource(target, "vocabulary", valueSet(i));
        for (int i = 0; i < NAMING_SYSTEMS; i++) writeResource(target, "vocabulary", namingSystem(i));
        for (int i = 0; i < EXTENSIONS; i++) writeResource(target, "structures", extension(i));
        for (int i = 0; i < PROFILES; i++) {
            writeResource(target, "structures", profile(i));
            Base base = BASES.get(i % BASES.size());
            if (!base.jpCore()) writeResource(target, "examples", example(i, base));
        }
        return target;
    }

    private void writeResource(Path project, String folder, Map<String, Object> resource) throws IOException {
        Path file = project.resolve("profiles").resolve(folder).resolve(resource.get("resourceType") + "-" + resource.get("id") + ".json");
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), resource);
    }

    private static int conceptCount(int codeSystem) {
        return 10 + (codeSystem * 37) % 190;
    }

    private static Map<String, Object> codeSystem(int n) {
        List<Map<String, Object>> concepts = new ArrayList<>();
        int count = conceptCount(n);
        for (int c = 0; c < count; c++) {
            Map<String, Object> concept = new LinkedHashMap<>();
            concept.put("code", "C" + c);
            concept.put("display", "区分" + n + "の項目" + c);
            if (c % 10 == 0 && c + 1 < count) {
                concept.put("concept", List.of(Map.of("code", "C" + c + ".1", "display", "区分" + n + "の項目" + c + "の下位")));
            }
            concepts.add(concept);
        }
        Map<String, Object> cs = header("CodeSystem", "cs-" + n, "ClinicalCodes" + n, "臨床区分コード" + n);
        cs.put("caseSensitive", true);
        cs.put("hierarchyMeaning", "is-a");
        cs.put("content", "complete");
        cs.put("count", count + count / 10);
        cs.put("concept", concepts);
        return cs;
    }

    /** Every third value set enumerates codes of a code system that is not available (as guides bound to the Japanese terminology are). */
    private static Map<String, Object> valueSet(int n) {
        Map<String, Object> vs = header("ValueSet", "vs-" + n, "ClinicalValues" + n, "臨床区分値集合" + n);
        Map<String, Object> include = new LinkedHashMap<>();
        switch (n % 3) {
            case 0 -> include.put("system", CANONICAL + "/CodeSystem/cs-" + (n % CODE_SYSTEMS));
            case 1 -> {
                include.put("system", CANONICAL + "/CodeSystem/cs-" + (n % CODE_SYSTEMS));
                include.put("filter", List.of(Map.of("property", "concept", "op", "is-a", "value", "C0")));
            }
            default -> {
                include.put("system", "urn:oid:1.2.392.200119.4." + (500 + n));
                List<Map<String, Object>> concepts = new ArrayList<>();
                for (int c = 0; c < 5; c++) concepts.add(Map.of("code", String.valueOf(1000 + c), "display", "外部コード" + c));
                include.put("concept", concepts);
            }
        }
        vs.put("compose", Map.of("include", List.of(include)));
        return vs;
    }

    private static Map<String, Object> namingSystem(int n) {
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("resourceType", "NamingSystem");
        ns.put("id", "ns-" + n);
        ns.put("name", "ClinicalIdentifier" + n);
        ns.put("status", "draft");
        ns.put("kind", "identifier");
        ns.put("date", "2026-12-01");
        ns.put("description", "医療機関識別子の体系" + n);
        ns.put("uniqueId", List.of(Map.of("type", "uri", "value", CANONICAL + "/NamingSystem/ns-" + n, "preferred", true)));
        return ns;
    }

    private static Map<String, Object> extension(int n) {
        Map<String, Object> sd = header("StructureDefinition", "ext-" + n, "ClinicalExtension" + n, "臨床拡張" + n);
        sd.put("fhirVersion", "4.0.1");
        sd.put("kind", "complex-type");
        sd.put("abstract", false);
        sd.put("context", List.of(Map.of("type", "element", "expression", "DomainResource")));
        sd.put("type", "Extension");
        sd.put("baseDefinition", "http://hl7.org/fhir/StructureDefinition/Extension");
        sd.put("derivation", "constraint");
        String url = CANONICAL + "/StructureDefinition/ext-" + n;
        List<Map<String, Object>> elements = new ArrayList<>();
        elements.add(Map.of("id", "Extension", "path", "Extension", "short", "臨床拡張" + n, "definition", "合成ガイドの拡張" + n));
        elements.add(Map.of("id", "Extension.extension", "path", "Extension.extension", "max", "0"));
        elements.add(Map.of("id", "Extension.url", "path", "Extension.url", "fixedUri", url));
        if (n % 2 == 0) {
            elements.add(Map.of("id", "Extension.value[x]", "path", "Extension.value[x]", "min", 1,
                    "type", List.of(Map.of("code", "CodeableConcept")),
                    "binding", Map.of("strength", "required", "valueSet", CANONICAL + "/ValueSet/vs-" + (3 * n % VALUE_SETS))));
        } else {
            elements.add(Map.of("id", "Extension.value[x]", "path", "Extension.value[x]", "min", 1, "type", List.of(Map.of("code", "string"))));
        }
        sd.put("differential", Map.of("element", elements));
        return sd;
    }

    private static Map<String, Object> profile(int n) {
        Base base = BASES.get(n % BASES.size());
        String type = base.type();
        Map<String, Object> sd = header("StructureDefinition", "profile-" + n, "Clinical" + type + n, "臨床" + type + "プロファイル" + n);
        sd.put("fhirVersion", "4.0.1");
        sd.put("kind", "resource");
        sd.put("abstract", false);
        sd.put("type", type);
        sd.put("baseDefinition", base.url());
        sd.put("derivation", "constraint");
        List<Map<String, Object>> elements = new ArrayList<>();
        elements.add(Map.of("id", type, "path", type, "short", "臨床" + type + n, "definition", "合成ガイドの" + type + "プロファイル" + n));
        elements.add(Map.of("id", type + ".meta.lastUpdated", "path", type + ".meta.lastUpdated", "min", 1, "mustSupport", true));
        elements.add(Map.of("id", type + ".extension", "path", type + ".extension",
                "slicing", Map.of("discriminator", List.of(Map.of("type", "value", "path", "url")), "rules", "open")));
        String extension = CANONICAL + "/StructureDefinition/ext-" + (n % EXTENSIONS);
        elements.add(Map.of("id", type + ".extension:local", "path", type + ".extension", "sliceName", "local", "min", 0, "max", "1",
                "type", List.of(Map.of("code", "Extension", "profile", List.of(extension))), "mustSupport", true));
        if (!base.jpCore()) {
            elements.add(Map.of("id", type + ".identifier", "path", type + ".identifier",
                    "slicing", Map.of("discriminator", List.of(Map.of("type", "value", "path", "system")), "rules", "open"),
                    "min", 1, "mustSupport", true));
            elements.add(Map.of("id", type + ".identifier:local", "path", type + ".identifier", "sliceName", "local", "min", 1, "max", "1",
                    "mustSupport", true));
            elements.add(Map.of("id", type + ".identifier:local.system", "path", type + ".identifier.system", "min", 1,
                    "fixedUri", CANONICAL + "/NamingSystem/ns-" + (n % NAMING_SYSTEMS)));
            elements.add(Map.of("id", type + ".identifier:local.value", "path", type + ".identifier.value", "min", 1));
        }
        Map<String, Object> coded = new LinkedHashMap<>();
        coded.put("id", type + "." + base.codedElement());
        coded.put("path", type + "." + base.codedElement());
        coded.put("mustSupport", true);
        if (!base.codedElement().equals("gender")) {
            // Every fourth profile binds, extensibly, codes of a code system that is not available.
            int valueSet = n % 4 == 0 ? (3 * n + 2) % VALUE_SETS : 3 * n % VALUE_SETS;
            coded.put("binding", Map.of("strength", n % 4 == 0 ? "extensible" : "required", "valueSet", CANONICAL + "/ValueSet/vs-" + valueSet));
        }
        elements.add(coded);
        sd.put("differential", Map.of("element", elements));
        return sd;
    }

    /** An example that meets its profile: the identifier slice, a code from the bound value set, what its base requires. */
    private static Map<String, Object> example(int n, Base base) {
        String type = base.type();
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", type);
        resource.put("id", "example-" + n);
        resource.put("meta", Map.of("lastUpdated", "2026-12-01T09:00:00+09:00", "profile", List.of(CANONICAL + "/StructureDefinition/profile-" + n)));
        resource.put("identifier", List.of(Map.of("system", CANONICAL + "/NamingSystem/ns-" + (n % NAMING_SYSTEMS), "value", "ID-" + n)));
        Map<String, Object> subject = Map.of("display", "山田 太郎");
        Map<String, Object> code = Map.of("coding", List.of(Map.of("system", CANONICAL + "/CodeSystem/cs-" + (3 * n % VALUE_SETS % CODE_SYSTEMS),
                "code", "C0")), "text", "区分の項目");
        switch (type) {
            case "Observation" -> {
                resource.put("status", "final");
                resource.put("code", code);
                resource.put("subject", subject);
            }
            case "Condition" -> {
                resource.put("code", code);
                resource.put("subject", subject);
            }
            case "Procedure" -> {
                resource.put("status", "completed");
                resource.put("code", code);
                resource.put("subject", subject);
            }
            case "DiagnosticReport" -> {
                resource.put("status", "final");
                resource.put("code", code);
            }
            case "ServiceRequest" -> {
                resource.put("status", "active");
                resource.put("intent", "order");
                resource.put("code", code);
                resource.put("subject", subject);
            }
            case "Immunization" -> {
                resource.put("status", "completed");
                resource.put("vaccineCode", code);
                resource.put("patient", subject);
                resource.put("occurrenceDateTime", "2026-11-30");
            }
            case "AllergyIntolerance" -> {
                resource.put("clinicalStatus", Map.of("coding", List.of(Map.of("system",
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code", "active"))));
                resource.put("code", code);
                resource.put("patient", subject);
            }
            case "Encounter" -> {
                resource.put("status", "finished");
                resource.put("class", Map.of("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code", "AMB"));
                resource.put("type", List.of(code));
            }
            default -> throw new IllegalArgumentException("no example shape for " + type);
        }
        return resource;
    }

    private static Map<String, Object> header(String resourceType, String id, String name, String title) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", resourceType);
        resource.put("id", id);
        resource.put("url", CANONICAL + "/" + resourceType + "/" + id);
        resource.put("version", "1.0.0");
        resource.put("name", name);
        resource.put("title", title);
        resource.put("status", "draft");
        resource.put("date", "2026-12-01");
        resource.put("publisher", "NeXEHRS benchmarks");
        resource.put("description", title + "（性能測定用の合成リソース）");
        return resource;
    }
}
