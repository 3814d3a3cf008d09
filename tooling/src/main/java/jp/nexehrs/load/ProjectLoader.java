package jp.nexehrs.load;

import ca.uhn.fhir.util.FhirTerser;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ParseProblem;
import jp.nexehrs.fhir.RecentlyUsed;
import jp.nexehrs.fhir.ReparsableResource;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.fhir.ResourceReader;
import jp.nexehrs.fsh.FshFolders;
import jp.nexehrs.governance.Governance;
import jp.nexehrs.governance.GovernanceLoader;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.HistoryException;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Parallel;
import jp.nexehrs.util.TextPositions;
import jp.nexehrs.util.YamlReader;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The load stage: reads the configuration (nexehrs.yaml, or a guide's sushi-config.yaml in the IG Publisher's layout),
 * finds the guideline documents ({@code spec/*.adoc}, or the Markdown pages of {@code input/pagecontent/}) and the FHIR
 * resources ({@code profiles/}, or the IG Publisher's {@code input/resources/} and its sibling folders), and parses them. A file that cannot be read becomes a finding; the rest still load so that
 * one bad file does not hide the others' problems.
 */
public final class ProjectLoader {
    public static final String CONFIG_FILE = "nexehrs.yaml";
    public static final String SPEC_DIR = "spec";
    public static final String PROFILES_DIR = "profiles";
    public static final String EXAMPLES_DIR = "examples";
    public static final String INVALID_DIR = "invalid";
    public static final String INVALID_MANIFEST = "manifest.yaml";
    /** The manifest of deliberately invalid examples, as messages name it. */
    public static final String INVALID_MANIFEST_FILE = PROFILES_DIR + "/" + INVALID_DIR + "/" + INVALID_MANIFEST;
    public static final String TEMPLATE_DIR = "site-template";
    /** The IG Publisher's folders of resources, read as profiles/ is (fsh-generated/ is SUSHI's output, read by the FSH step). */
    static final List<String> IG_RESOURCE_DIRS = List.of("input/resources", "input/examples", "input/vocabulary", "input/profiles",
            "input/extensions", "input/capabilities", "input/models");
    /** The IG Publisher's pages, the fragments placed on artifact pages, the files its pages include, and their images. */
    public static final String IG_PAGE_DIR = "input/pagecontent";
    public static final String IG_INTRO_NOTES_DIR = "input/intro-notes";
    public static final String IG_INCLUDES_DIR = "input/includes";
    static final String IG_IMAGES_DIR = "input/images";

    /**
     * Every folder at the project's root that sources are read from, in either layout (one that does not exist holds
     * none), and the configuration files beside them: what the build reads, the watcher watches and the link check
     * looks at. Anything else in the repository (tooling, a Python virtual environment, notes) is not the guide's.
     */
    public static final List<String> SOURCE_FOLDERS = List.of(SPEC_DIR, PROFILES_DIR, TEMPLATE_DIR, GovernanceLoader.FOLDER,
            "input", FshFolders.NEXEHRS_SOURCES, FshFolders.GENERATED);
    public static final List<String> CONFIG_FILES = List.of(CONFIG_FILE, FshFolders.SUSHI_CONFIG, IgIniConfig.FILE);

    /** Spec examples are small; a huge file is a mistake (or an attack) that would stall every build. */
    static final long MAX_RESOURCE_BYTES = 16L * 1024 * 1024;

    private static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem",
            "SearchParameter", "CapabilityStatement", "OperationDefinition", "NamingSystem", "ConceptMap");

    private final FhirEngine engine;
    private final ResourceReader reader;
    /** The project's parsed resources used last, kept in memory (one set per load, so per build). */
    private final RecentlyUsed recentlyUsed = new RecentlyUsed(RecentlyUsed.DEFAULT_CAPACITY);
    private final YamlReader yaml = new YamlReader();
    private final DependencyLoader dependencyLoader;
    private final Optional<ProjectConfig.MissingDependencies> missingDependencies;
    private final PagePaths pagePaths;
    private final boolean draft;
    private final Parallel parallel;

    public ProjectLoader(FhirEngine engine) {
        this(engine, List.of(), Optional.empty(), PagePaths.DEFAULT);
    }

    public ProjectLoader(FhirEngine engine, List<Path> packageFolders, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                         PagePaths pagePaths) {
        this(engine, packageFolders, missingDependencies, pagePaths, false);
    }

    /**
     * @param packageFolders      extra folders laid out like the FHIR package cache, searched for dependencies
     * @param missingDependencies the command line's choice for missing dependencies, over nexehrs.yaml's
     * @param pagePaths           the site's URL scheme, decided here once for the project
     * @param draft               whether the project is published with its version as a draft's (see {@link ProjectConfig#asDraft()})
     */
    public ProjectLoader(FhirEngine engine, List<Path> packageFolders, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                         PagePaths pagePaths, boolean draft) {
        this(engine, packageFolders, missingDependencies, pagePaths, draft, 1);
    }

    /** @param threads threads parsing the project's resources and its dependency packages */
    public ProjectLoader(FhirEngine engine, List<Path> packageFolders, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                         PagePaths pagePaths, boolean draft, int threads) {
        this.engine = engine;
        this.draft = draft;
        this.pagePaths = pagePaths;
        this.parallel = new Parallel(threads);
        this.reader = new ResourceReader(engine);
        this.dependencyLoader = new DependencyLoader(new PackageReader(engine, threads), packageFolders);
        this.missingDependencies = missingDependencies;
    }

    /**
     * The project root: {@code dir} or the nearest folder above it that holds nexehrs.yaml or, for a guide in the IG
     * Publisher's layout, sushi-config.yaml or ig.ini.
     *
     * @throws ProjectNotFoundException when there is none
     */
    public static Path locate(Path dir) throws ProjectNotFoundException {
        Path start = dir.toAbsolutePath().normalize();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(CONFIG_FILE)) || IgPublisherConfig.isGuide(candidate) || IgIniConfig.isGuide(candidate)) {
                return candidate;
            }
        }
        throw new ProjectNotFoundException("no " + CONFIG_FILE + " (or " + IgPublisherConfig.FILE + " or " + IgIniConfig.FILE
                + " of a guide in the IG Publisher's layout) in "
                + start + " or above it: run nexehrs inside a project folder or pass --project <folder>");
    }

    /**
     * The file the project's configuration is read from, as messages name it: nexehrs.yaml when there is one (it
     * wins over a sushi-config.yaml beside it, which SUSHI still reads for the FSH), else sushi-config.yaml, else ig.ini
     * (whose ImplementationGuide resource configures the guide).
     */
    public static String configFileOf(Path projectRoot) {
        if (Files.isRegularFile(projectRoot.resolve(CONFIG_FILE))) return CONFIG_FILE;
        if (IgPublisherConfig.isGuide(projectRoot)) return IgPublisherConfig.FILE;
        return IgIniConfig.isGuide(projectRoot) ? IgIniConfig.FILE : CONFIG_FILE;
    }

    /** The project's configuration, from whichever file holds it ({@link #configFileOf}). */
    public static ProjectConfig readConfig(Path projectRoot) throws SourceException {
        return switch (configFileOf(projectRoot)) {
            case IgPublisherConfig.FILE -> new IgPublisherConfig().read(projectRoot.resolve(IgPublisherConfig.FILE));
            case IgIniConfig.FILE -> new IgIniConfig().read(projectRoot);
            default -> new YamlReader().read(projectRoot.resolve(CONFIG_FILE), CONFIG_FILE, ProjectConfig.class);
        };
    }

    /**
     * @param projectRoot a folder holding nexehrs.yaml (see {@link #locate})
     * @throws SourceException when nexehrs.yaml itself is invalid (nothing else can be built then)
     * @throws MissingDependenciesException when dependencies are not on this machine and the project does not build without them
     */
    public Project load(Path projectRoot) throws SourceException {
        return load(projectRoot, FileHistory.NONE); // Git facts are for pages: see workingTreeHistory
    }

    /**
     * When each file of a working tree last changed, from its Git repository: none outside Git; none, with the
     * reason, in a shallow clone (whose dates would be wrong) or a repository that cannot be read.
     */
    public static FileHistory workingTreeHistory(Path projectRoot) {
        if (!GitRepository.isInside(projectRoot)) return FileHistory.NONE;
        try (GitRepository git = GitRepository.open(projectRoot)) {
            return git.fileHistory(git.current().commitId());
        } catch (HistoryException e) {
            return FileHistory.unavailable(e.getMessage());
        }
    }

    /** @param fileHistory Git facts of the files, e.g. of a version written out of Git (which has no .git) */
    public Project load(Path projectRoot, FileHistory fileHistory) throws SourceException {
        String configName = configFileOf(projectRoot);
        ProjectConfig written = readConfig(projectRoot);
        List<Finding> findings = new ArrayList<>(new ConfigValidator(configName, readText(projectRoot.resolve(configName), configName)).validate(written));
        // From here on the version is the one published; the guide's own ImplementationGuide is compared with the one written.
        ProjectConfig config = draft ? written.asDraft() : written;
        findings.addAll(new SymlinkGuard().check(projectRoot));
        fileHistory.unavailableBecause().ifPresent(reason ->
                findings.add(Finding.warning("", 0, 0, "the pages show no last-change dates: " + reason)));
        boolean igLayout = config.layout() == ProjectConfig.Layout.IG_PUBLISHER;
        List<DocumentSource> documents = igLayout ? new IgPublisherPages(projectRoot, config, pagePaths).pages(findings)
                : loadDocuments(projectRoot, findings);
        List<ArtifactFragment> fragments = igLayout ? new IgPublisherPages(projectRoot, config, pagePaths).fragments(findings) : List.of();
        List<FhirSource> resources = loadResources(projectRoot, config, findings);
        Optional<GuideDeclaration> guide = GuideResources.declaration(resources, findings);
        // The FHIR R4 core package is built in: guides that name it as a dependency need nothing more.
        List<ProjectConfig.Dependency> wanted = new ArrayList<>(config.dependencies().stream()
                .filter(d -> !GuideAgreement.CORE_PACKAGES.contains(d.id())).toList());
        guide.ifPresent(declared -> findings.addAll(new GuideAgreement(written, declared, configName).check(wanted)));

        DependencyLoader.Dependencies dependencies = dependencyLoader.load(projectRoot, wanted);
        List<MissingPackage> missing = dependencies.missing().stream().map(m -> declaredWhere(m, config, guide)).toList();
        if (!missing.isEmpty()) {
            if (missingDependencies.orElse(config.missingDependencies()) == ProjectConfig.MissingDependencies.ERROR) {
                throw new MissingDependenciesException(missing);
            }
            missing.forEach(m -> findings.add(Finding.warning(m.file(), m.line(), 0, "dependency " + m.label()
                    + " is not on this machine (looked in " + String.join(", ", m.lookedIn())
                    + "): the build goes on without it, and every reference into it is reported as not checked")));
        }
        List<InvalidExampleExpectation> expectations = loadInvalidManifest(projectRoot, findings);
        Governance governance = loadGovernance(projectRoot, findings);
        return new Project(projectRoot, config, documents, resources, expectations, governance, locateTemplate(projectRoot),
                findings, dependencies.loaded(), fileHistory, pagePaths, guide, missing, fragments,
                igLayout ? IgPublisherPages.images(projectRoot) : List.of());
    }

    /**
     * {@code project} with the texts of its documents and artifact fragments among {@code files} (paths relative to its
     * root, as {@link DocumentSource#file()} gives them) read again, and nothing else: for a preview that shows saved
     * pages before the whole project is loaded again. Empty when a file is neither, or cannot be read as one now: only
     * a full load says what is wrong with it.
     */
    public static Optional<Project> rereadPages(Project project, Set<String> files) {
        Set<String> pageFiles = new HashSet<>();
        project.documents().forEach(document -> pageFiles.add(document.file()));
        project.fragments().forEach(fragment -> pageFiles.add(fragment.source().file()));
        if (files.isEmpty() || !pageFiles.containsAll(files)) return Optional.empty();
        List<DocumentSource> documents = new ArrayList<>();
        for (DocumentSource document : project.documents()) {
            Optional<DocumentSource> now = files.contains(document.file()) ? reread(project.root(), document) : Optional.of(document);
            if (now.isEmpty()) return Optional.empty();
            documents.add(now.get());
        }
        List<ArtifactFragment> fragments = new ArrayList<>();
        for (ArtifactFragment fragment : project.fragments()) {
            Optional<DocumentSource> now = files.contains(fragment.source().file()) ? reread(project.root(), fragment.source())
                    : Optional.of(fragment.source());
            if (now.isEmpty()) return Optional.empty();
            fragments.add(new ArtifactFragment(fragment.resourceType(), fragment.id(), fragment.placement(), now.get()));
        }
        return Optional.of(project.withPages(documents, fragments));
    }

    /** The document with its file's text now; empty when it cannot be read as it was. */
    private static Optional<DocumentSource> reread(Path root, DocumentSource document) {
        if (!SymlinkGuard.staysInside(root, document.path())) return Optional.empty();
        try {
            String text = ResourceReader.decodeUtf8(document.file(), Files.readAllBytes(document.path()));
            return Optional.of(new DocumentSource(document.file(), document.path(), document.pagePath(), text, document.markup(), document.title()));
        } catch (IOException | SourceException e) {
            return Optional.empty();
        }
    }

    /** A dependency only the guide's ImplementationGuide names is reported where it names it. */
    private static MissingPackage declaredWhere(MissingPackage missing, ProjectConfig config, Optional<GuideDeclaration> guide) {
        if (config.dependencies().stream().anyMatch(d -> d.id().equals(missing.id()))) return missing;
        return guide.flatMap(g -> g.dependsOn().stream().filter(d -> d.packageId().equals(missing.id())).findFirst()
                        .map(d -> missing.declaredAt(g.file(), d.line())))
                .orElse(missing);
    }

    private static String readText(Path file, String name) throws SourceException {
        try {
            return ResourceReader.decodeUtf8(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SourceException(name, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private List<DocumentSource> loadDocuments(Path root, List<Finding> findings) {
        List<DocumentSource> documents = new ArrayList<>();
        for (Path file : filesUnder(root.resolve(SPEC_DIR), ".adoc")) {
            String relative = relative(root, file);
            // Documents whose name starts with '_' are fragments for include::, not pages.
            if (file.getFileName().toString().startsWith("_") || !SymlinkGuard.staysInside(root, file)) continue;
            try {
                String text = ResourceReader.decodeUtf8(relative, Files.readAllBytes(file));
                String specRelative = relative(root.resolve(SPEC_DIR), file);
                String pagePath = pagePaths.documentPage(specRelative);
                documents.add(new DocumentSource(relative, file, pagePath, text));
            } catch (IOException e) {
                findings.add(Finding.error(relative, 0, 0, "cannot read: " + e.getMessage()));
            } catch (SourceException e) {
                findings.add(e.toFinding());
            }
        }
        return documents;
    }

    /**
     * The resources of {@code profiles/}, and of a committed {@code fsh-generated/resources} when there are no FSH
     * sources beside it (some guides commit SUSHI's output alone); beside FSH sources it is stale output, and the
     * convert stage compiles the sources instead.
     */
    private List<FhirSource> loadResources(Path root, ProjectConfig config, List<Finding> findings) {
        List<Path> folders = new ArrayList<>(config.layout() == ProjectConfig.Layout.IG_PUBLISHER
                ? IG_RESOURCE_DIRS.stream().map(root::resolve).toList() : List.of(root.resolve(PROFILES_DIR)));
        if (FshFolders.find(root).isEmpty()) folders.add(FshFolders.generatedResources(root));
        List<FhirSource> resources = new ArrayList<>();
        SharedStrings strings = new SharedStrings();
        UnaryOperator<IBaseResource> stamp = stampOf(config);
        for (Path folder : folders) resources.addAll(loadResources(root, folder, config, stamp, strings, findings));
        return resources;
    }

    private List<FhirSource> loadResources(Path root, Path profiles, ProjectConfig config, UnaryOperator<IBaseResource> stamp, SharedStrings strings,
                                           List<Finding> findings) {
        List<Path> files = filesUnder(profiles, ".json", ".xml").stream().filter(file -> SymlinkGuard.staysInside(root, file)).toList();
        // Parsed on the run's threads (parsing is most of loading a large guide); findings and resources keep file order.
        List<Loaded> loaded = parallel.map(files, file -> loadResource(root, profiles, file, config, stamp, strings));
        List<FhirSource> resources = new ArrayList<>();
        for (Loaded one : loaded) {
            findings.addAll(one.findings());
            one.source().ifPresent(resources::add);
        }
        return resources;
    }

    /** One file of the project's resources: the resource when it could be read, and what is wrong with it. */
    private record Loaded(Optional<FhirSource> source, List<Finding> findings) {}

    private Loaded loadResource(Path root, Path profiles, Path file, ProjectConfig config, UnaryOperator<IBaseResource> stamp,
                                SharedStrings strings) {
        String relative = relative(root, file);
        FhirSource.Role role = roleOf(relative(profiles, file));
        try {
            if (Files.size(file) > MAX_RESOURCE_BYTES) {
                return new Loaded(Optional.empty(), List.of(Finding.error(relative, 0, 0, "the file is " + Files.size(file) / (1024 * 1024)
                        + " MB; resources in a specification are limited to " + MAX_RESOURCE_BYTES / (1024 * 1024) + " MB")));
            }
            Read read = readResource(relative, Files.readAllBytes(file), role, stamp);
            FhirSource source = read.source();
            if (source.role() == FhirSource.Role.CONFORMANCE) strings.share(source.resource());
            List<Finding> findings = new ArrayList<>(read.problems());
            if (config.fileNames() == ProjectConfig.FileNames.STRICT) findings.addAll(FileNaming.check(source));
            return new Loaded(Optional.of(source), findings);
        } catch (IOException e) {
            return new Loaded(Optional.empty(), List.of(Finding.error(relative, 0, 0, "cannot read: " + e.getMessage())));
        } catch (SourceException e) {
            return new Loaded(Optional.empty(), List.of(e.toFinding()));
        }
    }

    /** A resource file read, with the content problems the parser passed over (conformance resources only). */
    public record Read(FhirSource source, List<Finding> problems) {}

    /**
     * Reads a resource made for the project (SUSHI's output) exactly as a file of {@code profiles/}: its type decides
     * its role and the project's version and published metadata are written into its conformance resources.
     */
    public Read readProjectFile(String displayName, byte[] bytes, ProjectConfig config) throws SourceException {
        return readResource(displayName, bytes, FhirSource.Role.CONFORMANCE, stampOf(config));
    }

    /** Writes the project's version and published metadata into a conformance resource of the project. */
    private static UnaryOperator<IBaseResource> stampOf(ProjectConfig config) {
        VersionStamp version = new VersionStamp(config);
        PublishedMetadata metadata = new PublishedMetadata(config);
        return resource -> metadata.apply(version.apply(resource));
    }

    /** Reads one resource file; also used to validate files outside the project. */
    public FhirSource read(String displayName, byte[] bytes, FhirSource.Role role) throws SourceException {
        return readResource(displayName, bytes, role, null).source();
    }

    /**
     * @param folderRole for a project file where it lies: under invalid/ an invalid example, elsewhere what its type
     *                   says (an ImplementationGuide is the guide's own, any other non-conformance type an example);
     *                   for a file outside the project the role it is read in
     * @param stamp      writes the project's version and published metadata into its conformance resources; null for files
     *                   outside the project
     */
    private Read readResource(String displayName, byte[] bytes, FhirSource.Role folderRole, UnaryOperator<IBaseResource> stamp) throws SourceException {
        ResourceFormat format = ResourceFormat.ofFileName(displayName)
                .orElseThrow(() -> new SourceException(displayName, 0, 0, "not a .json or .xml file"));
        ResourceReader.ParsedResource parsed = reader.read(displayName, bytes, format, folderRole != FhirSource.Role.INVALID_EXAMPLE);
        IBaseResource resource = parsed.resource();
        String type = engine.context().getResourceType(resource);
        String id = parsed.id();
        if (folderRole != FhirSource.Role.INVALID_EXAMPLE && id.isBlank()) {
            throw new SourceException(displayName, 0, 0, "the " + type + " has no id: every resource of the guide needs one");
        }
        FhirSource.Role role = stamp == null ? folderRole : roleOf(folderRole, type);
        FhirTerser terser = engine.context().newTerser();
        String url = CONFORMANCE_TYPES.contains(type) ? primitive(terser, resource, "url") : "";
        List<String> claimed = parsed.claimedProfiles();
        SourceText content = SourceText.of(parsed.text());
        boolean strict = role == FhirSource.Role.CONFORMANCE;
        UnaryOperator<IBaseResource> stamped = stamp != null && role == FhirSource.Role.CONFORMANCE ? stamp : UnaryOperator.identity();
        ReparsableResource reparsable = ReparsableResource.of(stamped.apply(resource),
                () -> stamped.apply(reader.parseAgain(content.text(), format, strict)), recentlyUsed);
        FhirSource source = new FhirSource(displayName, role, format, content, reparsable, type, id, url, claimed);
        // An instance's content problems are the validator's to report, with line and FHIRPath.
        List<Finding> problems = role != FhirSource.Role.CONFORMANCE ? List.of() : parsed.problems().stream()
                .map(problem -> toFinding(displayName, parsed.text(), problem)).toList();
        return new Read(source, problems);
    }

    private static Finding toFinding(String file, String text, ParseProblem problem) {
        int line = problem.near().map(pattern -> pattern.matcher(text)).filter(Matcher::find)
                .map(matcher -> TextPositions.lineAt(text, matcher.start())).orElse(0);
        return problem.harmless() ? Finding.warning(file, line, 0, problem.message())
                : Finding.error(file, line, 0, "not valid FHIR: " + problem.message());
    }

    private static String primitive(FhirTerser terser, IBaseResource resource, String path) {
        return terser.getSinglePrimitiveValueOrNull(resource, path);
    }

    private List<InvalidExampleExpectation> loadInvalidManifest(Path root, List<Finding> findings) {
        Path manifest = root.resolve(PROFILES_DIR).resolve(INVALID_DIR).resolve(INVALID_MANIFEST);
        if (!Files.isRegularFile(manifest)) return List.of();
        try {
            return List.of(yaml.read(manifest, relative(root, manifest), InvalidExampleExpectation[].class));
        } catch (SourceException e) {
            findings.add(e.toFinding());
            return List.of();
        }
    }

    /** Governance records are optional; a broken one is a finding and the build goes on without them. */
    private static Governance loadGovernance(Path root, List<Finding> findings) {
        try {
            return new GovernanceLoader().load(root);
        } catch (SourceException e) {
            findings.add(e.toFinding());
            return Governance.empty();
        }
    }

    private static SiteTemplate locateTemplate(Path root) {
        Path own = root.resolve(TEMPLATE_DIR);
        return Files.isDirectory(own) ? new SiteTemplate(own) : SiteTemplate.builtIn();
    }

    /**
     * Real guides keep their conformance resources, instances and the ImplementationGuide side by side (the IG
     * Publisher's input/resources): the type decides, and only invalid/ is set apart by its folder.
     */
    private static FhirSource.Role roleOf(FhirSource.Role folderRole, String type) {
        if (folderRole == FhirSource.Role.INVALID_EXAMPLE) return folderRole;
        if (GuideResources.TYPE.equals(type)) return FhirSource.Role.GUIDE;
        return CONFORMANCE_TYPES.contains(type) ? FhirSource.Role.CONFORMANCE : FhirSource.Role.EXAMPLE;
    }

    private static FhirSource.Role roleOf(String pathUnderProfiles) {
        if (pathUnderProfiles.startsWith(EXAMPLES_DIR + "/")) return FhirSource.Role.EXAMPLE;
        if (pathUnderProfiles.startsWith(INVALID_DIR + "/")) return FhirSource.Role.INVALID_EXAMPLE;
        return FhirSource.Role.CONFORMANCE;
    }

    static List<Path> filesUnder(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
