package jp.nexehrs.check;

import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedFragment;
import jp.nexehrs.report.Finding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An intro or notes fragment belongs on an artifact's page ({@code StructureDefinition-jp-patient-intro.md}): one named
 * after an artifact or example the guide does not have is shown nowhere, which is a warning on the fragment's file.
 */
final class ArtifactFragmentCheck {
    List<Finding> check(List<ConvertedFragment> fragments, List<ConformanceArtifact> artifacts, List<ExampleValidation> examples) {
        Set<String> keys = new HashSet<>();
        artifacts.forEach(artifact -> keys.add(artifact.key()));
        examples.forEach(example -> keys.add(example.source().key()));
        return fragments.stream().filter(f -> !keys.contains(f.fragment().key()))
                .map(f -> Finding.warning(f.document().source().file(), 0, 0, "this fragment belongs on the page of "
                        + f.fragment().resourceType() + " " + f.fragment().id() + ", which the guide does not have: it is shown nowhere;"
                        + " rename it after the artifact's type and id, or remove it"))
                .toList();
    }
}
