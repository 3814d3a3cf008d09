package jp.nexehrs.load;

import jp.nexehrs.report.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A guide's own ImplementationGuide and nexehrs.yaml must describe the same package: a different package id, or
 * another version of a dependency, is an error that names both files. A package the ImplementationGuide depends on
 * and nexehrs.yaml does not name is a dependency all the same (the guide's editors declared it once, there).
 */
final class GuideAgreement {
    /** The FHIR R4 core package: built into the toolchain, never loaded as a dependency. */
    static final Set<String> CORE_PACKAGES = Set.of("hl7.fhir.r4.core");

    private final ProjectConfig config;
    private final GuideDeclaration guide;
    /** The configuration's file, as messages name it. */
    private final String configFile;

    GuideAgreement(ProjectConfig config, GuideDeclaration guide, String configFile) {
        this.config = config;
        this.guide = guide;
        this.configFile = configFile;
    }

    /** @param dependencies nexehrs.yaml's dependencies; the guide's other ones are added to it */
    List<Finding> check(List<ProjectConfig.Dependency> dependencies) {
        List<Finding> findings = new ArrayList<>();
        if (guide.packageId() != null && !guide.packageId().equals(config.id())) {
            findings.add(Finding.error(guide.file(), guide.packageIdLine(), 0, "the ImplementationGuide's packageId '" + guide.packageId()
                    + "' differs from id '" + config.id() + "' in " + configFile + ": make them the same"));
        }
        if (guide.version() != null && !guide.version().equals(config.version())) {
            findings.add(Finding.warning(guide.file(), 0, 0, "the ImplementationGuide's version '" + guide.version()
                    + "' differs from version '" + config.version() + "' in " + configFile
                    + ": the build publishes " + config.version()));
        }
        for (GuideDeclaration.DependsOn dependsOn : guide.dependsOn()) {
            if (CORE_PACKAGES.contains(dependsOn.packageId())) continue;
            Optional<ProjectConfig.Dependency> named = dependencies.stream().filter(d -> d.id().equals(dependsOn.packageId())).findFirst();
            if (named.isEmpty()) {
                if (dependsOn.version() != null) dependencies.add(new ProjectConfig.Dependency(dependsOn.packageId(), dependsOn.version(), null));
                else findings.add(Finding.error(guide.file(), dependsOn.line(), 0, "dependsOn " + dependsOn.packageId() + " has no version: give one"
                        + " here or name the package with its version under dependencies in " + configFile));
            } else if (dependsOn.version() != null && !dependsOn.version().equals(named.get().version())) {
                findings.add(Finding.error(guide.file(), dependsOn.line(), 0, "the ImplementationGuide depends on " + dependsOn.packageId() + "#"
                        + dependsOn.version() + " but " + configFile + " names version " + named.get().version()
                        + ": make them the same"));
            }
        }
        return findings;
    }
}
