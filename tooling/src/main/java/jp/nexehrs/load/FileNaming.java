package jp.nexehrs.load;

import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Map;

/**
 * Names that say one thing while the content says another mislead editors and reviewers: a file called
 * {@code Observation-x.json} that holds a Patient, or a CodeSystem in {@code profiles/valuesets/}.
 */
final class FileNaming {
    private static final Map<String, String> FOLDER_TYPES = Map.of(
            "structuredefinitions", "StructureDefinition", "valuesets", "ValueSet", "codesystems", "CodeSystem");

    private FileNaming() {
    }

    static List<Finding> check(FhirSource source) {
        String file = source.file();
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dash = name.indexOf('-');
        if (dash > 0 && Character.isUpperCase(name.charAt(0))) {
            String named = name.substring(0, dash);
            if (named.chars().allMatch(Character::isLetter) && !named.equals(source.resourceType())) {
                return List.of(Finding.warning(file, 0, 0, "the file name says " + named + " but it holds a " + source.resourceType()));
            }
        }
        String[] parts = file.split("/");
        if (parts.length >= 3) {
            String expected = FOLDER_TYPES.get(parts[parts.length - 2]);
            if (expected != null && !expected.equals(source.resourceType())) {
                return List.of(Finding.warning(file, 0, 0, "a " + source.resourceType() + " in the " + parts[parts.length - 2]
                        + " folder, which holds " + expected + " resources"));
            }
        }
        return List.of();
    }
}
