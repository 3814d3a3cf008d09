package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's line in a FHIR NPM package's {@code .index.json} (index version 2): its file name, type and id, and the
 * top-level fields the FHIR package specification lists and the HL7 core library's index builder reads, where the
 * resource has them: {@code url}, {@code version}, {@code kind}, {@code type}, {@code supplements}, {@code content} and
 * {@code valueSet} (a CodeSystem's), {@code derivation}.
 */
public final class PackageIndex {
    public static final int INDEX_VERSION = 2;
    /** In the order the reference index builder writes them. */
    static final List<String> FIELDS = List.of("url", "version", "kind", "type", "supplements", "content", "valueSet", "derivation");

    private PackageIndex() {
    }

    public static Map<String, Object> entry(String fileName, IBaseResource resource) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("filename", fileName);
        index.put("resourceType", resource.fhirType());
        index.put("id", resource.getIdElement().getIdPart());
        if (resource instanceof Base base) {
            for (String field : FIELDS) {
                Property property = base.getNamedProperty(field);
                if (property == null || property.getValues().size() != 1 || !property.getValues().get(0).isPrimitive()) continue;
                String value = property.getValues().get(0).primitiveValue();
                if (value != null && !value.isEmpty()) index.put(field, value);
            }
        }
        return index;
    }
}
