package jp.nexehrs.compose;

import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.load.PagePaths;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

/** The facts every artifact page and the artifact index show: names, canonical URL, version, status, descriptions. */
final class ArtifactModel {
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private ArtifactModel() {
    }

    static Map<String, Object> of(ConformanceArtifact artifact, PagePaths paths) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("key", artifact.key());
        model.put("page", paths.page(artifact.source()));
        model.put("jsonFile", paths.json(artifact.source()));
        model.put("xmlFile", paths.xml(artifact.source()));
        model.put("type", artifact.source().resourceType());
        model.put("id", artifact.source().id());
        model.put("url", artifact.source().url());
        model.put("file", artifact.source().file());
        IBaseResource resource = artifact.resource();
        if (resource instanceof MetadataResource metadata) {
            model.put("name", metadata.hasName() ? metadata.getName() : artifact.source().id());
            model.put("title", metadata.hasTitle() ? metadata.getTitle() : model.get("name"));
            model.put("version", metadata.hasVersion() ? metadata.getVersion() : "");
            model.put("status", metadata.hasStatus() ? metadata.getStatus().toCode() : "");
            model.put("description", metadata.hasDescription() ? metadata.getDescription() : "");
            model.put("descriptionEn", english(metadata));
        }
        if (resource instanceof StructureDefinition profile) {
            model.put("kind", "Extension".equals(profile.getType()) && profile.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT
                    ? "extension" : "profile");
            model.put("baseDefinition", profile.getBaseDefinition() == null ? "" : profile.getBaseDefinition());
            model.put("resourceType", profile.getType());
        }
        return model;
    }

    /** The English translation of the description (the translation extension with a lang starting "en"), or "". */
    private static String english(MetadataResource metadata) {
        if (!metadata.hasDescriptionElement()) return "";
        for (Extension extension : metadata.getDescriptionElement().getExtensionsByUrl(TRANSLATION)) {
            Extension lang = extension.getExtensionByUrl("lang");
            Extension content = extension.getExtensionByUrl("content");
            if (lang != null && content != null && lang.getValue().primitiveValue().startsWith("en")
                    && content.getValue() instanceof StringType text) {
                return text.getValue();
            }
        }
        return "";
    }
}
