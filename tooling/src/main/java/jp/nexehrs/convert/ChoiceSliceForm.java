package jp.nexehrs.convert;

import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a differential that slices a choice element by type but names a slice in the short form
 * ({@code dose[x]} with slicing, then {@code doseQuantity}) into the explicit form FHIR defines it to mean
 * ({@code dose[x]:doseQuantity}), before snapshot generation. Older SUSHI versions write the short form (the JAMI
 * ePrescription guide does); org.hl7.fhir 6.7.9's generator then emits the sliced element twice, and the
 * validator rejects the snapshot ("Slice encountered midway through set") for every instance. Without slicing on
 * the choice element the short form is a plain type constraint and is left alone.
 */
final class ChoiceSliceForm {
    private ChoiceSliceForm() {
    }

    /** Rewrites {@code profile}'s differential in place (callers pass their own copy). */
    static void normalise(StructureDefinition profile) {
        List<String> slicedChoices = new ArrayList<>();
        for (ElementDefinition element : profile.getDifferential().getElement()) {
            if (element.getPath().endsWith("[x]") && element.hasSlicing()) {
                slicedChoices.add(element.getPath().substring(0, element.getPath().length() - 3));
            }
        }
        if (slicedChoices.isEmpty()) return;
        for (ElementDefinition element : profile.getDifferential().getElement()) {
            for (String stem : slicedChoices) {
                String path = element.getPath();
                if (!path.startsWith(stem) || path.length() == stem.length() || !Character.isUpperCase(path.charAt(stem.length()))) continue;
                int end = path.indexOf('.', stem.length());
                String rest = end < 0 ? "" : path.substring(end);
                String choiceName = stem.substring(stem.lastIndexOf('.') + 1);
                String sliceName = choiceName + path.substring(stem.length(), end < 0 ? path.length() : end);
                element.setPath(stem + "[x]" + rest);
                if (element.hasId()) element.setId(rewriteId(element.getId(), sliceName, choiceName + "[x]:" + sliceName));
                if (rest.isEmpty() && !element.hasSliceName()) element.setSliceName(sliceName);
                break;
            }
        }
    }

    /** Replaces the id segment {@code sliceName} (e.g. {@code doseQuantity}) by {@code dose[x]:doseQuantity}. */
    private static String rewriteId(String id, String sliceName, String explicit) {
        String[] segments = id.split("\\.", -1);
        for (int i = segments.length - 1; i > 0; i--) {
            if (segments[i].equals(sliceName)) {
                segments[i] = explicit;
                return String.join(".", segments);
            }
        }
        return id;
    }
}
