package jp.nexehrs.load;

import jp.nexehrs.util.TextPositions;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ImplementationGuide;

import java.util.List;
import java.util.Optional;

/**
 * What a guide's own ImplementationGuide resource (in {@code profiles/}, as guides made with the IG Publisher or SUSHI
 * have one) says that the build uses: its package id and version, the packages it depends on, the profiles that apply
 * to every instance of a type ({@code global}), and for each resource whether it is an example and of which profile,
 * with its name and description.
 *
 * @param file          the ImplementationGuide's file, for messages
 * @param packageIdLine the line of its packageId (0 when unknown)
 */
public record GuideDeclaration(String file, String packageId, int packageIdLine, String version, List<DependsOn> dependsOn,
                               List<GlobalProfile> globals, List<Entry> resources) {
    public GuideDeclaration {
        dependsOn = List.copyOf(dependsOn);
        globals = List.copyOf(globals);
        resources = List.copyOf(resources);
    }

    /** A package the guide depends on, declared on {@code line} of the file. */
    public record DependsOn(String packageId, String version, String uri, int line) {
    }

    /** Every instance of {@code type} is validated against {@code profile}, whatever it claims. */
    public record GlobalProfile(String type, String profile) {
    }

    /**
     * One {@code definition.resource}: {@code reference} as {@code Type/id}; {@code example} when it is marked an
     * example ({@code exampleBoolean} or {@code exampleCanonical}); {@code exampleOf} the profile it illustrates.
     */
    public record Entry(String reference, String name, String description, boolean example, Optional<String> exampleOf) {
    }

    /** @param text the file's text, to find lines in */
    static GuideDeclaration of(String file, String text, ImplementationGuide guide) {
        List<DependsOn> dependsOn = guide.getDependsOn().stream()
                .filter(d -> d.hasPackageId())
                .map(d -> new DependsOn(d.getPackageId(), d.getVersion(), d.getUri(),
                        TextPositions.lineOfSequence(text, "dependsOn", d.getPackageId())))
                .toList();
        List<GlobalProfile> globals = guide.getGlobal().stream()
                .filter(g -> g.hasType() && g.hasProfile())
                .map(g -> new GlobalProfile(g.getType(), g.getProfile()))
                .toList();
        List<Entry> entries = guide.getDefinition().getResource().stream()
                .filter(r -> r.hasReference() && r.getReference().hasReference())
                .map(r -> new Entry(r.getReference().getReference(), r.getName(), r.getDescription(),
                        r.hasExampleBooleanType() ? r.getExampleBooleanType().booleanValue() : r.hasExampleCanonicalType(),
                        r.hasExampleCanonicalType() ? Optional.ofNullable(((CanonicalType) r.getExample()).getValue()) : Optional.empty()))
                .toList();
        int packageIdLine = guide.hasPackageId() ? TextPositions.lineOfSequence(text, "packageId", guide.getPackageId()) : 0;
        return new GuideDeclaration(file, guide.getPackageId(), packageIdLine, guide.getVersion(), dependsOn, globals, entries);
    }

    /** The entry for the resource {@code type}/{@code id}, if the guide lists it. */
    public Optional<Entry> entry(String type, String id) {
        String reference = type + "/" + id;
        return resources.stream().filter(e -> e.reference().equals(reference)).findFirst();
    }

    /** The global profiles for instances of {@code type}. */
    public List<String> globalProfiles(String type) {
        return globals.stream().filter(g -> g.type().equals(type)).map(GlobalProfile::profile).toList();
    }
}
