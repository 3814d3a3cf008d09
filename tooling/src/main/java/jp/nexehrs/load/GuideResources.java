package jp.nexehrs.load;

import jp.nexehrs.report.Finding;
import org.hl7.fhir.r4.model.ImplementationGuide;

import java.util.List;
import java.util.Optional;

/** Finds the guide's own ImplementationGuide among the project's resources: at most one. */
final class GuideResources {
    static final String TYPE = "ImplementationGuide";

    private GuideResources() {
    }

    static Optional<GuideDeclaration> declaration(List<FhirSource> resources, List<Finding> findings) {
        List<FhirSource> guides = resources.stream().filter(r -> r.role() == FhirSource.Role.GUIDE).toList();
        if (guides.isEmpty()) return Optional.empty();
        for (FhirSource other : guides.subList(1, guides.size())) {
            findings.add(Finding.error(other.file(), 0, 0, "a second ImplementationGuide (the first is " + guides.get(0).file()
                    + "): a project is one guide; keep one and remove the other"));
        }
        FhirSource guide = guides.get(0);
        return Optional.of(GuideDeclaration.of(guide.file(), guide.text(), (ImplementationGuide) guide.resource()));
    }
}
