package jp.nexehrs.compose;

import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.governance.ReconciliationCsv;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.SiteTemplate;
import jp.nexehrs.report.Finding;
import jp.nexehrs.search.SearchIndex;
import jp.nexehrs.report.Severity;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compose stage: renders every page of the site from the Freemarker templates in {@code site-template/}
 * (home, one page per guideline document, per conformance resource and per example, the artifact index and the
 * QA report) and copies the static assets. Pages are flat at the site root, except documents, which keep their
 * folder under {@code spec/}.
 */
public final class SiteComposer {
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    public ComposedSite compose(Checked checked) {
        Converted converted = checked.converted();
        SiteTemplate template = converted.project().template();
        Configuration freemarker = freemarker(template);
        ProjectConfig config = converted.project().config();

        Map<String, String> localPages = new HashMap<>();
        for (ConformanceArtifact artifact : converted.conformance()) {
            if (!artifact.source().url().isEmpty()) localPages.put(artifact.source().url(), artifact.key() + ".html");
        }
        Map<String, List<ExampleValidation>> examplesByProfile = new HashMap<>();
        for (ExampleValidation example : checked.examples()) {
            for (String profile : example.source().claimedProfiles()) {
                examplesByProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(example);
            }
        }

        Map<String, Object> site = siteModel(checked, config);
        List<SiteFile> files = new ArrayList<>();
        files.add(render(freemarker, "index.ftlh", "index.html", site, Map.of()));
        files.add(render(freemarker, "artifacts.ftlh", "artifacts.html", site, Map.of()));
        files.add(render(freemarker, "qa.ftlh", "qa.html", site, Map.of("findings", checked.findings(), "suppressed", checked.suppressed())));
        var governance = checked.governance();
        for (ConvertedDocument document : converted.documents()) {
            Map<String, Object> page = new HashMap<>();
            page.put("document", document);
            page.put("governance", governance.documents().get(document.id()));
            putLastChange(page, converted, document.source().file());
            files.add(render(freemarker, "document.ftlh", document.source().pagePath(), site, page));
        }
        if (!governance.governance().isEmpty()) {
            files.add(render(freemarker, "governance.ftlh", "governance.html", site, Map.of("governance", governance)));
            for (var log : governance.governance().comments()) {
                files.add(new SiteFile("governance/" + log.document() + "-comments.csv",
                        ReconciliationCsv.export(governance.governance(), log.document())));
            }
        }
        ElementRows rows = new ElementRows(converted.support().engine().context(), localPages);
        var json = converted.support().engine().jsonParser();
        for (ConformanceArtifact artifact : converted.conformance()) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("artifact", artifactModel(artifact));
            page.put("json", json.encodeResourceToString(artifact.resource()));
            putLastChange(page, converted, artifact.source().file());
            String templateName;
            if (artifact.resource() instanceof StructureDefinition profile) {
                templateName = "structuredefinition.ftlh";
                List<ElementRow> snapshot = rows.of(profile);
                var differentialIds = profile.getDifferential().getElement().stream().map(e -> e.hasId() ? e.getId() : e.getPath()).toList();
                page.put("snapshot", snapshot);
                page.put("differential", snapshot.stream().filter(r -> differentialIds.contains(r.id())).toList());
                page.put("baseHref", localPages.getOrDefault(profile.getBaseDefinition(), profile.getBaseDefinition()));
                page.put("constraints", constraints(profile));
                page.put("examples", examplesByProfile.getOrDefault(profile.getUrl(), List.of()).stream().map(e -> e.source().key()).toList());
            } else if (artifact.resource() instanceof ValueSet valueSet) {
                templateName = "valueset.ftlh";
                page.put("includes", includes(valueSet, localPages));
                page.put("expansion", expansion(converted, valueSet));
            } else if (artifact.resource() instanceof CodeSystem codeSystem) {
                templateName = "codesystem.ftlh";
                List<Map<String, Object>> concepts = new ArrayList<>();
                flatten(codeSystem.getConcept(), 0, concepts);
                page.put("concepts", concepts);
            } else {
                templateName = "resource.ftlh";
            }
            files.add(render(freemarker, templateName, artifact.key() + ".html", site, page));
            files.add(new SiteFile(artifact.key() + ".json", page.get("json").toString().getBytes(StandardCharsets.UTF_8)));
        }
        for (ExampleValidation example : checked.examples()) {
            FhirSource source = example.source();
            String pretty = json.encodeResourceToString(source.resource());
            List<Map<String, String>> profiles = source.claimedProfiles().stream()
                    .map(p -> Map.of("url", p, "href", localPages.getOrDefault(p, ""))).toList();
            files.add(render(freemarker, "example.ftlh", source.key() + ".html", site,
                    Map.of("example", source, "json", pretty, "profiles", profiles, "findings", example.findings())));
            files.add(new SiteFile(source.key() + ".json", pretty.getBytes(StandardCharsets.UTF_8)));
        }
        files.add(new SiteFile("search-index.json", new SearchIndex().build(SearchEntries.of(converted.documents(), converted.conformance()))));
        files.addAll(assets(template));
        return new ComposedSite(checked, files);
    }

    /** {@code lastChange}: the file's last commit and its date, when the project is in a complete Git clone. */
    private static void putLastChange(Map<String, Object> page, Converted converted, String file) {
        converted.project().fileHistory().lastChange(file).ifPresent(change -> page.put("lastChange", change));
    }

    private Map<String, Object> siteModel(Checked checked, ProjectConfig config) {
        Converted converted = checked.converted();
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("config", config);
        site.put("documents", converted.documents());
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (String type : List.of("StructureDefinition", "ValueSet", "CodeSystem")) groups.put(type, new ArrayList<>());
        for (ConformanceArtifact artifact : converted.conformance()) {
            groups.computeIfAbsent(artifact.source().resourceType(), t -> new ArrayList<>()).add(artifactModel(artifact));
        }
        site.put("artifactGroups", groups);
        site.put("examples", checked.examples().stream().map(e -> Map.of("key", e.source().key(),
                "type", e.source().resourceType(), "id", e.source().id(), "errors", e.errorCount(), "warnings", e.warningCount())).toList());
        site.put("errorCount", checked.count(Severity.ERROR));
        site.put("warningCount", checked.count(Severity.WARNING));
        site.put("packageFile", config.packageFileName());
        site.put("hasGovernance", !checked.governance().governance().isEmpty());
        Map<String, String> badges = new HashMap<>();
        checked.governance().documents().forEach((id, status) -> badges.put(id, status.badge()));
        site.put("badges", badges);
        return site;
    }

    private static Map<String, Object> artifactModel(ConformanceArtifact artifact) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("key", artifact.key());
        model.put("type", artifact.source().resourceType());
        model.put("id", artifact.source().id());
        model.put("url", artifact.source().url());
        model.put("file", artifact.source().file());
        if (artifact.resource() instanceof MetadataResource metadata) {
            model.put("name", metadata.hasName() ? metadata.getName() : artifact.source().id());
            model.put("title", metadata.hasTitle() ? metadata.getTitle() : model.get("name"));
            model.put("version", metadata.hasVersion() ? metadata.getVersion() : "");
            model.put("status", metadata.hasStatus() ? metadata.getStatus().toCode() : "");
            model.put("description", metadata.hasDescription() ? metadata.getDescription() : "");
            model.put("descriptionEn", english(metadata));
        }
        if (artifact.resource() instanceof StructureDefinition profile) {
            model.put("kind", "Extension".equals(profile.getType()) ? "extension" : "profile");
            model.put("baseDefinition", profile.getBaseDefinition() == null ? "" : profile.getBaseDefinition());
            model.put("resourceType", profile.getType());
        }
        return model;
    }

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

    private static List<Map<String, String>> constraints(StructureDefinition profile) {
        List<Map<String, String>> constraints = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        profile.getDifferential().getElement().forEach(element -> element.getConstraint().forEach(c -> {
            if (seen.putIfAbsent(c.getKey(), true) == null) {
                constraints.add(Map.of("key", c.getKey(), "severity", c.hasSeverity() ? c.getSeverity().toCode() : "",
                        "human", c.hasHuman() ? c.getHuman() : "", "expression", c.hasExpression() ? c.getExpression() : "",
                        "path", element.getPath()));
            }
        }));
        return constraints;
    }

    private static List<Map<String, Object>> includes(ValueSet valueSet, Map<String, String> localPages) {
        List<Map<String, Object>> includes = new ArrayList<>();
        valueSet.getCompose().getInclude().forEach(include -> includes.add(include(include, "include", localPages)));
        valueSet.getCompose().getExclude().forEach(exclude -> includes.add(include(exclude, "exclude", localPages)));
        return includes;
    }

    private static Map<String, Object> include(ValueSet.ConceptSetComponent set, String mode, Map<String, String> localPages) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("mode", mode);
        model.put("system", set.hasSystem() ? set.getSystem() : "");
        model.put("systemHref", localPages.getOrDefault(set.getSystem(), ""));
        model.put("codes", set.getConcept().stream().map(c -> c.getCode() + (c.hasDisplay() ? " " + c.getDisplay() : "")).toList());
        model.put("filters", set.getFilter().stream().map(f -> f.getProperty() + " " + f.getOp().toCode() + " " + f.getValue()).toList());
        model.put("valueSets", set.getValueSet().stream().map(v -> Map.of("url", v.getValue(), "href", localPages.getOrDefault(v.getValue(), ""))).toList());
        return model;
    }

    /** The expansion when it can be computed offline; empty when it needs a code system that is not available. */
    private static List<Map<String, String>> expansion(Converted converted, ValueSet valueSet) {
        try {
            var chain = converted.support().chain();
            var outcome = chain.expandValueSet(new ValidationSupportContext(chain), new ValueSetExpansionOptions(), valueSet);
            if (outcome == null || outcome.getValueSet() == null || outcome.getError() != null) return List.of();
            ValueSet expanded = (ValueSet) outcome.getValueSet();
            return expanded.getExpansion().getContains().stream().map(c -> Map.of("system", c.getSystem(),
                    "code", c.getCode(), "display", c.hasDisplay() ? c.getDisplay() : "")).toList();
        } catch (RuntimeException e) {
            // An expansion that needs an unavailable code system is shown as not computable, not as a failure.
            return List.of();
        }
    }

    private static void flatten(List<CodeSystem.ConceptDefinitionComponent> concepts, int depth, List<Map<String, Object>> out) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            String english = concept.getDesignation().stream().filter(d -> d.hasLanguage() && d.getLanguage().startsWith("en"))
                    .map(CodeSystem.ConceptDefinitionDesignationComponent::getValue).findFirst().orElse("");
            out.add(Map.of("code", concept.getCode(), "display", concept.hasDisplay() ? concept.getDisplay() : "",
                    "english", english, "definition", concept.hasDefinition() ? concept.getDefinition() : "", "depth", depth));
            flatten(concept.getConcept(), depth + 1, out);
        }
    }

    private static SiteFile render(Configuration freemarker, String templateName, String path, Map<String, Object> site,
                                   Map<String, Object> page) {
        Map<String, Object> model = new HashMap<>(page);
        model.put("site", site);
        model.put("root", "../".repeat((int) path.chars().filter(c -> c == '/').count()));
        model.put("pagePath", path);
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return new SiteFile(path, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (freemarker.core.ParseException e) {
            throw new TemplateFailure(templateName, path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + templateName, e);
        } catch (TemplateException e) {
            throw new TemplateFailure(templateName, path, e);
        }
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

    private static Configuration freemarker(SiteTemplate template) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new PathTemplateLoader(template.templates()));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        return configuration;
    }

    /** A template that does not render: names the template and the page, for the site's maintainers. */
    public static final class TemplateFailure extends RuntimeException {
        TemplateFailure(String template, String page, TemplateException cause) {
            super("template " + template + " failed for page " + page + ": " + cause.getMessageWithoutStackTop(), cause);
        }

        TemplateFailure(String template, String page, freemarker.core.ParseException cause) {
            super("site-template/templates/" + template + ":" + cause.getLineNumber() + ":" + cause.getColumnNumber()
                    + ": template syntax error (page " + page + "): " + cause.getEditorMessage(), cause);
        }
    }

}
