package jp.nexehrs.compose;

import jp.nexehrs.check.Checked;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.convert.ConvertedFragment;
import jp.nexehrs.load.ArtifactFragment;
import jp.nexehrs.load.StaticFile;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.governance.ReconciliationCsv;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.SiteTemplate;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.CodeHighlighter;
import jp.nexehrs.render.ElementTree;
import jp.nexehrs.search.SearchIndex;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.Parallel;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The compose stage: renders every page of the site from the Freemarker templates in {@code site-template/}
 * (home, one page per guideline document, per conformance resource and per example, the artifact index and the
 * QA report) and copies the static assets. Pages are flat at the site root, except documents, which keep their
 * folder under {@code spec/}. Each file goes to the returned {@link SiteFiles} as soon as it is made (into their spool
 * folder, for a build), so a build holds only one page at a time. The page models are built by {@link ProfileView},
 * {@link TerminologyView} and {@link ExampleView}; this class only dispatches.
 */
public final class SiteComposer {

    /**
     * Resources whose JSON and XML are encoded at once on the stage's threads before their pages are rendered in
     * order: encoding was much of the compose stage on large projects (tooling/BENCHMARKS.md), and one batch's
     * texts are all that waits in memory.
     */
    private static final int ENCODING_BATCH = 64;

    private final boolean pdfLinks;
    private final int threads;
    private final SiteFiles.Storage storage;
    private final Templates templates;
    private final Parallel parallel;
    private final CodeHighlighter highlighter = new CodeHighlighter();

    /**
     * @param pdfLinks whether this build makes PDFs, so that document pages and the home page link to them
     * @param threads  threads encoding resources and analysing search text; pages are rendered on the calling thread
     */
    public SiteComposer(boolean pdfLinks, int threads) {
        this(pdfLinks, threads, SiteFiles.Storage.IN_MEMORY, new Templates());
    }

    /**
     * @param storage   where the site's bytes are kept until publish writes them (a spool folder, for a build)
     * @param templates the run's parsed templates, kept from one composition to the next
     */
    public SiteComposer(boolean pdfLinks, int threads, SiteFiles.Storage storage, Templates templates) {
        this.pdfLinks = pdfLinks;
        this.threads = threads;
        this.parallel = new Parallel(threads);
        this.storage = storage;
        this.templates = templates;
    }

    /** Every page and asset of the site; nothing of a failed composition is left behind. */
    public ComposedSite compose(Checked checked) throws TemplateFailure {
        SiteFiles.Builder files = storage.start();
        try {
            return new ComposedSite(checked, composeAll(checked, files));
        } catch (TemplateFailure.Unchecked e) {
            files.build().discard();
            throw e.failure();
        } catch (RuntimeException e) {
            files.build().discard();
            throw e;
        }
    }

    /**
     * The pages of the documents at these page paths only, exactly as {@link #compose} makes them from the same input:
     * for a preview that shows a saved document before the whole site is composed again.
     */
    public List<SiteFile> composeDocuments(Checked checked, Set<String> pagePaths) throws TemplateFailure {
        try {
            List<SiteFile> pages = new ArrayList<>();
            new DocumentPages(checked, pageRenderer(checked)).make(pagePaths::contains, pages::add);
            return pages;
        } catch (TemplateFailure.Unchecked e) {
            throw e.failure();
        }
    }

    /** The renderer of every page of this site: the site's model and its navigation. */
    private PageRenderer pageRenderer(Checked checked) {
        Converted converted = checked.converted();
        PagePaths paths = converted.project().pagePaths();
        // Made once, for the artifact index and the navigation: each reads every artifact's resource.
        List<Map<String, Object>> artifactModels = converted.conformance().stream().map(a -> ArtifactModel.of(a, paths)).toList();
        Map<String, Object> site = siteModel(checked, artifactModels, paths);
        site.put("pdf", pdfLinks);
        return new PageRenderer(templates, converted.project().template(), site,
                Navigation.of(converted.documents(), artifactModels, checked.examples(), paths));
    }

    /** The guideline documents' pages, each linking to the one before and after it. */
    private static final class DocumentPages {
        private final Checked checked;
        private final PageRenderer renderer;
        /** A guide's own home page (the IG Publisher's index.md) is the body of the site's home page, not a page of its own. */
        private final List<ConvertedDocument> documents;
        private final SectionLinks sectionLinks;
        private final DocumentBody documentBody;

        DocumentPages(Checked checked, PageRenderer renderer) {
            this.checked = checked;
            this.renderer = renderer;
            this.documents = checked.converted().documents().stream().filter(d -> !PagePaths.HOME.equals(d.source().pagePath())).toList();
            this.sectionLinks = new SectionLinks(checked.converted().project().config());
            this.documentBody = new DocumentBody(sectionLinks);
        }

        /** The pages of the documents whose page path is wanted, each handed on as it is made. */
        void make(Predicate<String> wanted, Consumer<SiteFile> files) {
            for (int i = 0; i < documents.size(); i++) {
                if (wanted.test(documents.get(i).source().pagePath())) files.accept(page(i));
            }
        }

        private SiteFile page(int i) {
            ConvertedDocument document = documents.get(i);
            Map<String, Object> page = new HashMap<>();
            page.put("document", document);
            page.put("body", documentBody.forPage(document));
            if (sectionLinks.enabled()) page.put("editUrl", sectionLinks.editUrl(document));
            if (i > 0) page.put("previous", documents.get(i - 1));
            if (i < documents.size() - 1) page.put("next", documents.get(i + 1));
            page.put("governance", checked.governance().documents().get(document.id()));
            putLastChange(page, checked.converted(), document.source().file());
            return renderer.render("document.ftlh", document.source().pagePath(), page);
        }
    }

    /**
     * The pages, JSON and XML of the conformance artifacts whose source is one of these files (paths relative to the
     * project root), exactly as {@link #compose} makes them from the same input: for a preview that shows a saved
     * profile before the whole site is composed again.
     */
    public List<SiteFile> composeArtifacts(Checked checked, Set<String> sourceFiles) throws TemplateFailure {
        try {
            List<ConformanceArtifact> saved = checked.converted().conformance().stream()
                    .filter(artifact -> sourceFiles.contains(artifact.source().file())).toList();
            List<SiteFile> files = new ArrayList<>();
            if (!saved.isEmpty()) new ArtifactFiles(checked, pageRenderer(checked)).make(saved, files::add);
            return files;
        } catch (TemplateFailure.Unchecked e) {
            throw e.failure();
        }
    }

    /** The pages, JSON and XML of the conformance artifacts and the examples, and what they link to. */
    private final class ArtifactFiles {
        private final Converted converted;
        private final PageRenderer renderer;
        private final PagePaths paths;
        private final SiteLinks links;
        private final ArtifactPages artifactPages;
        private final Map<String, Map<String, Object>> fragments;
        private final FhirEngine engine;
        private final ExampleView examples;

        ArtifactFiles(Checked checked, PageRenderer renderer) {
            this.converted = checked.converted();
            this.renderer = renderer;
            this.paths = converted.project().pagePaths();
            this.links = SiteLinks.of(ArtifactLinks.of(converted.conformance().stream()
                            .map(artifact -> new ArtifactLinks.Page(artifact.resource(), paths.page(artifact.source()))),
                            converted.support()::fetchStructureDefinition),
                    converted.conformance(), checked.examples(), converted.documents(), paths);
            ProfileView profiles = new ProfileView(links, new ElementTree(converted.support().engine().context(), links.links()));
            TerminologyView terminology = new TerminologyView(links, checked.expansions());
            this.artifactPages = new ArtifactPages(converted.project().template(), profiles, terminology, new ConformanceView(links));
            this.fragments = fragmentsByKey(converted);
            this.engine = converted.support().engine();
            this.examples = new ExampleView(links, converted.project().guide());
        }

        /** The pages, JSON and XML of one batch of validated examples, encoded together, each handed on as it is made. */
        void makeExamples(List<ExampleValidation> batch, Consumer<SiteFile> files) {
            List<Encoded> encoded = encode(engine, batch.stream().map(e -> e.source().resource()).toList());
            for (int i = 0; i < batch.size(); i++) {
                ExampleValidation example = batch.get(i);
                FhirSource source = example.source();
                Map<String, Object> page = new HashMap<>(examples.model(example, encoded.get(i).json(), encoded.get(i).xml()));
                page.putAll(fragments.getOrDefault(source.key(), Map.of()));
                page.put("jsonFile", paths.json(source));
                page.put("xmlFile", paths.xml(source));
                page.put("formal", encoded.get(i).highlighted());
                files.accept(renderer.render("example.ftlh", paths.page(source), page));
                files.accept(new SiteFile(paths.json(source), encoded.get(i).json().getBytes(StandardCharsets.UTF_8)));
                files.accept(new SiteFile(paths.xml(source), encoded.get(i).xml().getBytes(StandardCharsets.UTF_8)));
            }
        }

        /** The files of one batch of artifacts, encoded together on the stage's threads, each handed on as it is made. */
        void make(List<ConformanceArtifact> batch, Consumer<SiteFile> files) {
            List<Encoded> encoded = encode(engine, batch.stream().map(ConformanceArtifact::resource).toList());
            for (int i = 0; i < batch.size(); i++) {
                artifactFiles(batch.get(i), encoded.get(i), converted, renderer, artifactPages, links, paths,
                        fragments.getOrDefault(batch.get(i).key(), Map.of())).forEach(files);
            }
        }
    }

    private SiteFiles composeAll(Checked checked, SiteFiles.Builder files) {
        Converted converted = checked.converted();
        SiteTemplate template = converted.project().template();
        PagePaths paths = converted.project().pagePaths();
        PageRenderer pages = pageRenderer(checked);

        Map<String, Object> home = new HashMap<>();
        converted.documents().stream().filter(d -> PagePaths.HOME.equals(d.source().pagePath())).findFirst()
                .ifPresent(document -> home.put("homeDocument", document));
        files.add(pages.render("index.ftlh", PagePaths.HOME, home));
        files.add(pages.render("artifacts.ftlh", PagePaths.ARTIFACT_INDEX, Map.of()));
        files.add(pages.render("qa.ftlh", PagePaths.QA, QaView.model(checked)));
        var governance = checked.governance();
        new DocumentPages(checked, pages).make(page -> true, files::add);
        if (!governance.governance().isEmpty()) {
            files.add(pages.render("governance.ftlh", PagePaths.GOVERNANCE, Map.of("governance", governance)));
            for (var log : governance.governance().comments()) {
                files.add(new SiteFile("governance/" + log.document() + "-comments.csv",
                        ReconciliationCsv.export(governance.governance(), log.document())));
            }
        }

        ArtifactFiles artifactFiles = new ArtifactFiles(checked, pages);
        List<ConformanceArtifact> artifacts = converted.conformance();
        for (int start = 0; start < artifacts.size(); start += ENCODING_BATCH) {
            artifactFiles.make(artifacts.subList(start, Math.min(artifacts.size(), start + ENCODING_BATCH)), files::add);
        }
        List<ExampleValidation> validated = checked.examples();
        for (int start = 0; start < validated.size(); start += ENCODING_BATCH) {
            artifactFiles.makeExamples(validated.subList(start, Math.min(validated.size(), start + ENCODING_BATCH)), files::add);
        }
        files.add(new SiteFile(PagePaths.SEARCH_INDEX, new SearchIndex(threads).build(SearchEntries.of(converted.documents(), converted.conformance(), paths))));
        files.addAll(assets(template));
        files.addAll(staticFiles(converted.project().staticFiles()));
        return files.build();
    }

    /** Each artifact's {@code intro} and {@code notes} HTML, by the artifact's key, for its page's model. */
    private static Map<String, Map<String, Object>> fragmentsByKey(Converted converted) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (ConvertedFragment fragment : converted.fragments()) {
            String name = fragment.fragment().placement() == ArtifactFragment.Placement.INTRO ? "intro" : "notes";
            byKey.computeIfAbsent(fragment.fragment().key(), key -> new HashMap<>()).put(name, fragment.document().htmlBody());
        }
        return byKey;
    }

    /** Files the pages show as they are (a guide's images), read when the site is composed. */
    private static List<SiteFile> staticFiles(List<StaticFile> staticFiles) {
        List<SiteFile> files = new ArrayList<>();
        for (StaticFile file : staticFiles) {
            try {
                files.add(new SiteFile(file.sitePath(), Files.readAllBytes(file.file())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.file(), e);
            }
        }
        return files;
    }

    /** A resource as the site serves it beside its page, and as its page shows it (highlighted HTML). */
    private record Encoded(String json, String xml, Map<String, String> highlighted) {}

    /**
     * Each resource's JSON and XML, in order, with their highlighted HTML for the page's formal views; each thread
     * encodes with parsers of its own (they are not thread-safe).
     */
    private List<Encoded> encode(FhirEngine engine, List<IBaseResource> resources) {
        return parallel.map(resources, resource -> {
            String json = engine.jsonParser().encodeResourceToString(resource);
            String xml = engine.xmlParser().encodeResourceToString(resource);
            return new Encoded(json, xml, Map.of("json", highlighter.json(json), "xml", highlighter.xml(xml)));
        });
    }

    /** The artifact's page, JSON and XML. */
    private static List<SiteFile> artifactFiles(ConformanceArtifact artifact, Encoded encoded, Converted converted, PageRenderer pages,
                                                ArtifactPages artifactPages, SiteLinks links, PagePaths paths, Map<String, Object> fragments) {
        Map<String, Object> page = new LinkedHashMap<>(fragments);
        putLastChange(page, converted, artifact.source().file());
        String type = artifact.source().resourceType();
        page.putAll(artifactPages.view(type, artifact.resource()));
        String templateName = artifactPages.templateFor(type);
        page.put("artifact", ArtifactModel.of(artifact, paths));
        page.put("json", encoded.json());
        page.put("formal", encoded.highlighted());
        page.put("usages", links.usages(artifact.source().url(), artifact.source().key()));
        return List.of(pages.render(templateName, paths.page(artifact.source()), page),
                new SiteFile(paths.json(artifact.source()), encoded.json().getBytes(StandardCharsets.UTF_8)),
                new SiteFile(paths.xml(artifact.source()), encoded.xml().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code lastChange}: the file's last commit and its date, when the project is in a complete Git clone. */
    private static void putLastChange(Map<String, Object> page, Converted converted, String file) {
        converted.project().fileHistory().lastChange(file).ifPresent(change -> page.put("lastChange", change));
    }

    private static Map<String, Object> siteModel(Checked checked, List<Map<String, Object>> artifactModels, PagePaths paths) {
        Converted converted = checked.converted();
        var config = converted.project().config();
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("config", config);
        site.put("pages", paths.fixedPages());
        site.put("documents", converted.documents().stream().filter(d -> !PagePaths.HOME.equals(d.source().pagePath())).toList());
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        for (Map<String, Object> model : artifactModels) byKind.computeIfAbsent(Navigation.kindOf(model), k -> new ArrayList<>()).add(model);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Navigation.Kind kind : Navigation.KINDS) {
            if (byKind.containsKey(kind.id())) {
                groups.add(Map.of("id", kind.id(), "ja", kind.japanese(), "en", kind.english(), "artifacts", byKind.get(kind.id())));
            }
        }
        site.put("artifactGroups", groups);
        site.put("examples", checked.examples().stream().map(e -> Map.of("key", e.source().key(), "page", paths.page(e.source()),
                "type", e.source().resourceType(), "id", e.source().id(), "title", ExampleView.title(e.source(), converted.project().guide()),
                "errors", e.errorCount(), "warnings", e.warningCount())).toList());
        site.put("errorCount", checked.count(Severity.ERROR));
        site.put("warningCount", checked.count(Severity.WARNING));
        site.put("acceptedCount", checked.suppressed().size());
        site.put("informationCount", checked.count(Severity.INFORMATION));
        site.put("packageFile", config.packageFileName());
        site.put("definitionsZip", PagePaths.DEFINITIONS_JSON_ZIP);
        site.put("definitionsXmlZip", PagePaths.DEFINITIONS_XML_ZIP);
        site.put("examplesZip", PagePaths.EXAMPLES_JSON_ZIP);
        site.put("examplesXmlZip", PagePaths.EXAMPLES_XML_ZIP);
        site.put("hasGovernance", !checked.governance().governance().isEmpty());
        Map<String, String> badges = new HashMap<>();
        checked.governance().documents().forEach((id, status) -> badges.put(id, status.badge()));
        site.put("badges", badges);
        return site;
    }

    private static List<SiteFile> assets(SiteTemplate template) {
        Path assets = template.assets();
        if (!Files.isDirectory(assets)) return List.of();
        List<SiteFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(assets)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new SiteFile("assets/" + assets.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site assets in " + assets, e);
        }
        return files;
    }
}
