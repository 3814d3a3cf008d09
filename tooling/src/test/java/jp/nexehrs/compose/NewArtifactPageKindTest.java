package jp.nexehrs.compose;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newcomer's path of ARCHITECTURE.md ("add a new kind of artifact page"), done in a fixture: a SearchParameter
 * page of its own is one new template, with no change to the toolchain; the other kinds keep their pages.
 */
class NewArtifactPageKindTest {
    @TempDir
    Path dir;

    @Test
    void aNewKindOfArtifactPageIsATemplate() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.copyTree(Path.of("../site-template"), project.resolve("site-template"));
        TestProjects.write(project, "profiles/searchparameters/SearchParameter-minimal-birth.json", """
                {"resourceType": "SearchParameter", "id": "minimal-birth", "url": "http://example.org/fhir/SearchParameter/minimal-birth",
                 "name": "MinimalBirth", "status": "draft", "description": "生年月日で探す", "code": "minimal-birth",
                 "base": ["Patient"], "type": "date", "expression": "Patient.birthDate"}
                """);
        // The one file the new kind needs: its template, named after the resource type.
        TestProjects.write(project, "site-template/templates/searchparameter.ftlh", """
                <#import "layout.ftlh" as layout>
                <@layout.page title=artifact.title!artifact.id>
                <h1 class="search-parameter">${artifact.id}</h1>
                <p><a href="${artifact.jsonFile}">JSON</a></p>
                </@layout.page>
                """);
        Map<String, String> site = new HashMap<>();
        try (Toolkit toolkit = TestToolkits.of(1, 946684800L)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.PREVIEW);
            outcome.products().siteFiles().forEach(file -> site.put(file.path(), new String(file.content(), StandardCharsets.UTF_8)));
        }
        String page = site.get("SearchParameter-minimal-birth.html");
        assertTrue(page != null && page.contains("<h1 class=\"search-parameter\">minimal-birth</h1>"), "the new kind's page: " + page);
        assertTrue(site.containsKey("SearchParameter-minimal-birth.json"), site.keySet().toString());
        assertTrue(site.get("artifacts.html").contains("SearchParameter-minimal-birth.html"), "listed in the artifact index");
        assertTrue(site.get("StructureDefinition-minimal-patient.html").contains("snapshot-Patient.identifier"),
                "the profile page keeps its own template");
        assertFalse(site.get("ValueSet-minimal-marital-status.html").contains("search-parameter"));
    }
}
