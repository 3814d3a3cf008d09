package jp.nexehrs.validation;

import jp.nexehrs.load.LoadedPackage;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profiles the given packages define (constraints on a resource type), found by what implementers see: the
 * name shown on the guide's pages, the id in the file name, or the canonical URL (with or without a version).
 */
final class PackageProfiles {
    /** One profile of a package, by what it can be named. */
    record Profile(String url, String version, String name, String id, String type) {
        String describe() {
            return name + " (" + url + ")";
        }
    }

    private final List<Profile> profiles;
    private final Set<String> urls;

    PackageProfiles(List<LoadedPackage> packages) {
        List<Profile> found = new ArrayList<>();
        for (LoadedPackage loaded : packages) {
            for (Object resource : loaded.conformance()) {
                if (resource instanceof StructureDefinition sd && sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT
                        && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE) {
                    found.add(new Profile(sd.getUrl(), sd.getVersion() == null ? "" : sd.getVersion(), sd.getName() == null ? "" : sd.getName(),
                            sd.getIdElement().getIdPart() == null ? "" : sd.getIdElement().getIdPart(), sd.getType()));
                }
            }
        }
        this.profiles = List.copyOf(found);
        this.urls = profiles.stream().map(Profile::url).collect(Collectors.toUnmodifiableSet());
    }

    /** The profile named {@code nameIdOrUrl}: a URL (optionally {@code |version}) first, then a name, then an id. */
    Optional<Profile> find(String nameIdOrUrl) {
        String url = withoutVersion(nameIdOrUrl);
        for (Profile p : profiles) if (p.url().equals(url)) return Optional.of(p);
        for (Profile p : profiles) if (p.name().equals(nameIdOrUrl)) return Optional.of(p);
        for (Profile p : profiles) if (p.id().equals(nameIdOrUrl)) return Optional.of(p);
        return Optional.empty();
    }

    /** The packages' profiles of {@code resourceType}, or all of them when the type is empty. */
    List<Profile> of(String resourceType) {
        return profiles.stream().filter(p -> resourceType.isEmpty() || p.type().equals(resourceType)).toList();
    }

    /** Whether {@code canonical} (optionally {@code |version}) is one of the packages' profiles. */
    boolean contains(String canonical) {
        return urls.contains(withoutVersion(canonical));
    }

    static String withoutVersion(String canonical) {
        int pipe = canonical.indexOf('|');
        return pipe < 0 ? canonical : canonical.substring(0, pipe);
    }
}
