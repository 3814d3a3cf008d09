package jp.nexehrs.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.Version;
import jp.nexehrs.testing.TestProjects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.nexehrs.testing.TestProjects.read;
import static jp.nexehrs.testing.TestProjects.runCli;
import static jp.nexehrs.testing.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A throwaway Git repository made with JGit from the minimal fixture: releases v1.0.0, 1.1.0 (lightweight tag),
 * v1.2.0 and 1.3.0-ballot1 (both on 1.1.0's commit), v1.10.0, then a draft commit, each with known profile and
 * document changes. Built once with {@code build --all-versions}, then checked, rebuilt and compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VersionedBuildTest {
    private static final String PROFILE = "http://example.org/fhir/StructureDefinition/minimal-patient";
    private static final String SD = "profiles/structuredefinitions/StructureDefinition-minimal-patient.json";
    private static final String DOC = "spec/01-intro.adoc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path repo;
    private Map<String, String> commits;
    private TestProjects.CliResult firstBuild;

    @BeforeAll
    void makeRepositoryAndBuild(@TempDir Path dir) throws Exception {
        repo = dir;
        TestProjects.copyMinimal(repo);
        write(repo, ".gitignore", "build/\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            RevCommit v100 = commit(git, "first version", 1);
            git.tag().setName("v1.0.0").setObjectId(v100).setAnnotated(true).setMessage("最初の版\n\n初版を公開する。")
                    .setTagger(ident(2)).call();

            // 1.1.0: gender becomes must-support (breaking), name optional (loosening), a new section.
            edit(SD, "{\"id\": \"Patient.name\", \"path\": \"Patient.name\", \"min\": 1, \"mustSupport\": true}",
                    "{\"id\": \"Patient.name\", \"path\": \"Patient.name\", \"min\": 0, \"mustSupport\": true},\n"
                            + "      {\"id\": \"Patient.gender\", \"path\": \"Patient.gender\", \"mustSupport\": true}");
            edit(DOC, "== 二次利用", "== 一次利用\n\n診療で使う。\n\n== 二次利用");
            RevCommit v110 = commit(git, "gender must-support", 3);
            git.tag().setName("1.1.0").setObjectId(v110).setAnnotated(false).call();
            git.tag().setName("v1.2.0").setObjectId(v110).setAnnotated(true).setMessage("同じ内容の再公開").setTagger(ident(4)).call();
            git.tag().setName("1.3.0-ballot1").setObjectId(v110).setAnnotated(true).setMessage("投票版").setTagger(ident(5)).call();
            git.tag().setName("not-a-version").setObjectId(v110).setAnnotated(false).call();

            // 1.10.0: identifier at most once (breaking), binding loosened to extensible, a new document.
            edit(SD, "{\"id\": \"Patient.identifier\", \"path\": \"Patient.identifier\", \"min\": 1,",
                    "{\"id\": \"Patient.identifier\", \"path\": \"Patient.identifier\", \"min\": 1, \"max\": \"1\",");
            edit(SD, "\"strength\": \"required\"", "\"strength\": \"extensible\"");
            write(repo, "spec/02-new.adoc", "= 新しい文書\n:revnumber: 1.0.0\n:nexehrs-status: draft\n:nexehrs-owner: テストWG\n\n== 概要\n\ninclude::_fragment.adoc[]\n");
            write(repo, "spec/_fragment.adoc", "断片の第一版。\n");
            RevCommit v1100 = commit(git, "identifier once", 6);
            git.tag().setName("v1.10.0").setObjectId(v1100).setAnnotated(true).setMessage("識別子は一つ").setTagger(ident(7)).call();

            // The draft: an invariant on Patient (breaking), deceased[x] only boolean (breaking), a changed section.
            edit(SD, "{\"id\": \"Patient\", \"path\": \"Patient\"}",
                    "{\"id\": \"Patient\", \"path\": \"Patient\", \"constraint\": [{\"key\": \"min-1\", \"severity\": \"error\","
                            + " \"human\": \"氏名か識別子\", \"expression\": \"name.exists() or identifier.exists()\", \"source\": \"" + PROFILE + "\"}]}");
            edit(SD, "{\"id\": \"Patient.gender\", \"path\": \"Patient.gender\", \"mustSupport\": true}",
                    "{\"id\": \"Patient.gender\", \"path\": \"Patient.gender\", \"mustSupport\": true},\n"
                            + "      {\"id\": \"Patient.deceased[x]\", \"path\": \"Patient.deceased[x]\", \"type\": [{\"code\": \"boolean\"}]}");
            edit(DOC, "仮名化したデータを使う。", "仮名化したデータだけを使う。");
            write(repo, "spec/_fragment.adoc", "断片の第二版。\n");
            RevCommit draft = commit(git, "draft: invariant", 8);
            commits = Map.of("1.0.0", v100.getName(), "1.1.0", v110.getName(), "1.10.0", v1100.getName(), "current", draft.getName());
        }
        firstBuild = runCli("build", "--all-versions", "--project", repo.toString());
    }

    @Test
    @Order(1)
    void versionsAreTheVersionTagsInSemverOrderThenCurrent() throws Exception {
        try (GitRepository git = GitRepository.open(repo)) {
            List<Version> versions = git.versions();
            assertEquals(List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0-ballot1", "1.10.0", "current"), versions.stream().map(Version::name).toList());
            assertEquals(List.of("v1.0.0", "1.1.0", "v1.2.0", "1.3.0-ballot1", "v1.10.0", ""), versions.stream().map(Version::tag).toList());
            assertEquals("最初の版\n\n初版を公開する。", versions.get(0).releaseNotes());
            assertEquals("", versions.get(1).releaseNotes(), "a lightweight tag has no notes");
            assertEquals(day(2), versions.get(0).date(), "an annotated tag's date is the tagger's");
            assertEquals(day(3), versions.get(1).date(), "a lightweight tag's date is the commit's");
            assertEquals(List.of("trial-use", "trial-use", "trial-use", "ballot", "trial-use", "ci-build"), versions.stream().map(Version::status).toList());
            assertEquals(commits.get("current"), versions.get(5).commitId());
        }
    }

    @Test
    @Order(2)
    void theSiteHasAFolderPerVersionARootLeadingToTheLatestReleaseAndAHistory() throws Exception {
        assertEquals(0, firstBuild.exitCode(), firstBuild.toString());
        Path site = repo.resolve("build/site");
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0-ballot1", "1.10.0", "current")) {
            assertTrue(Files.isRegularFile(site.resolve(version + "/index.html")), version);
            assertTrue(Files.isRegularFile(site.resolve(version + "/01-intro.html")), version);
            String packageVersion = version.equals("current") ? "1.0.0-cibuild" : "1.0.0";
            assertTrue(Files.isRegularFile(site.resolve(version + "/example.minimal-" + packageVersion + ".tgz")), version + ": the draft's package has the draft label");
            assertTrue(Files.isRegularFile(site.resolve("changes/" + version + ".html")), version);
        }
        assertFalse(Files.exists(site.resolve("1.1.0/02-new.html")));
        assertTrue(Files.exists(site.resolve("1.10.0/02-new.html")));
        assertTrue(read(site.resolve("index.html")).contains("url=1.10.0/index.html"), "the latest release, not the ballot");

        String history = read(site.resolve("history.html"));
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0-ballot1", "1.10.0", "current")) {
            assertTrue(history.contains("<tr id=\"v-" + version + "\">"), version);
        }
        assertTrue(history.contains("初版を公開する。") && history.contains("識別子は一つ"), "release notes from the tag messages");
        assertTrue(history.contains("href=\"1.0.0/example.minimal-1.0.0.tgz\""), "package download");
        assertTrue(history.indexOf("v-1.10.0") < history.indexOf("v-1.2.0"), "newest first");

        JsonNode list = JSON.readTree(site.resolve("package-list.json").toFile());
        assertEquals("example.minimal", list.get("package-id").asText());
        assertEquals("http://example.org/fhir", list.get("canonical").asText());
        assertEquals(List.of("current", "1.10.0", "1.3.0-ballot1", "1.2.0", "1.1.0", "1.0.0"),
                list.get("list").findValuesAsText("version"));
        JsonNode latest = list.get("list").get(1);
        assertEquals("http://example.org/fhir/1.10.0/", latest.get("path").asText());
        assertTrue(latest.get("current").asBoolean());
        assertEquals("識別子は一つ", latest.get("desc").asText());
        assertEquals(day(7).atOffset(ZoneOffset.UTC).toLocalDate().toString(), latest.get("date").asText());
        assertFalse(list.get("list").get(5).has("current"));

        assertEquals(List.of("site", "package", "qa.json", "content", "release.json").stream().sorted().toList(),
                list(repo.resolve("build/.versions/" + commits.get("1.0.0"))), "the cache holds no leftover source tree");
    }

    @Test
    @Order(3)
    void everyPageHasASwitcherToTheSamePageInOtherVersionsOrTheirHome() {
        Path site = repo.resolve("build/site");
        String old = read(site.resolve("1.0.0/01-intro.html"));
        assertTrue(old.contains("<strong aria-current=\"true\">1.0.0</strong>"), old);
        assertTrue(old.contains("href=\"../1.10.0/01-intro.html\">1.10.0</a>"), "a later version, though 1.0.0 was built first");
        assertTrue(old.contains("href=\"../current/01-intro.html\">current</a>"));
        assertTrue(old.contains("href=\"../history.html\""));
        String added = read(site.resolve("1.10.0/02-new.html"));
        assertTrue(added.contains("class=\"version-missing\" title=\"この版にはこのページがありません\" href=\"../1.0.0/index.html\">1.0.0*</a>"), added);
        assertTrue(added.contains("href=\"../current/02-new.html\">current</a>"));
        assertTrue(added.contains("断片の第一版。") && !added.contains("断片の第二版。"), "a release's includes come from its own commit");
        assertTrue(read(site.resolve("current/02-new.html")).contains("断片の第二版。"));
        String home = read(site.resolve("current/index.html"));
        assertTrue(home.contains("href=\"../1.1.0/index.html\">1.1.0</a>"));
    }

    @Test
    @Order(4)
    void documentPagesShowTheirLastCommit() {
        String current = read(repo.resolve("build/site/current/01-intro.html"));
        assertTrue(current.contains("最終更新 " + day(8).atOffset(ZoneOffset.UTC).toLocalDate() + " <code>" + commits.get("current").substring(0, 7) + "</code>"), current);
        String release = read(repo.resolve("build/site/1.10.0/01-intro.html"));
        assertTrue(release.contains("<code>" + commits.get("1.1.0").substring(0, 7) + "</code>"), "1.10.0 did not touch the document: its last change is 1.1.0's");
    }

    @Test
    @Order(5)
    void theDiffFindsExactlyThePlantedChangesWithTheirClassification() throws Exception {
        assertEquals(Set.of(
                "MUST_SUPPORT_ADDED breaking " + PROFILE + " Patient.gender",
                "MIN_LOWERED ok " + PROFILE + " Patient.name",
                "SECTION_ADDED ok 01-intro 一次利用"), diff("1.0.0", "v1.2.0"));
        assertEquals(Set.of(
                "MAX_LOWERED breaking " + PROFILE + " Patient.identifier",
                "BINDING_STRENGTH_LOWERED ok " + PROFILE + " Patient.maritalStatus",
                "DOCUMENT_ADDED ok 02-new "), diff("1.3.0-ballot1", "1.10.0"));
        assertEquals(Set.of(
                "CONSTRAINT_ADDED breaking " + PROFILE + " Patient",
                "TYPE_REMOVED breaking " + PROFILE + " Patient.deceased[x]",
                "SECTION_CHANGED ok 01-intro 二次利用",
                "SECTION_CHANGED ok 02-new 概要"), diff("1.10.0", "current"));
        assertEquals(Set.of(), diff("1.1.0", "1.2.0"));

        TestProjects.CliResult text = runCli("diff", "1.0.0", "1.1.0", "--project", repo.toString(), "-q");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("BREAKING  must-support-added  " + PROFILE + "  Patient.gender  false -> true"), text.out());
        assertTrue(text.out().contains("rule: must-support added: breaking for receivers"), text.out());

        String page = read(repo.resolve("build/site/changes/1.10.0.html"));
        assertTrue(page.contains("破壊的変更 1 件"), page);
        assertTrue(page.contains("max lowered: breaking for senders"), "the rules are on the page");
    }

    @Test
    @Order(6)
    void aSecondBuildReusesTheCachedReleasesUnchanged() {
        Map<String, Map<String, String>> before = new java.util.HashMap<>();
        for (String version : List.of("1.0.0", "1.1.0", "1.10.0")) {
            before.put(version, TestProjects.fingerprint(repo.resolve("build/.versions/" + commits.get(version))));
        }
        TestProjects.CliResult second = runCli("build", "--all-versions", "--project", repo.toString());
        assertEquals(0, second.exitCode(), second.toString());
        for (String version : List.of("1.0.0", "1.1.0", "1.10.0")) {
            assertFalse(before.get(version).isEmpty());
            assertEquals(before.get(version), TestProjects.fingerprint(repo.resolve("build/.versions/" + commits.get(version))), version);
            assertTrue(second.err().contains("version " + version + ": reusing the build of commit " + commits.get(version).substring(0, 7)), second.err());
            assertFalse(second.err().contains("version " + version + ": building"), second.err());
        }
        assertTrue(firstBuild.err().contains("version 1.2.0: reusing"), "1.2.0 shares 1.1.0's commit: built once");
        assertTrue(second.err().contains("version current: building the working tree"));
    }

    @Test
    @Order(7)
    void aShallowCloneIsRefusedWithHowToFetchTheHistory() throws Exception {
        Files.writeString(repo.resolve(".git/shallow"), commits.get("1.10.0") + "\n");
        try {
            TestProjects.CliResult result = runCli("build", "--all-versions", "--project", repo.toString());
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.err().contains("shallow clone"), result.err());
            assertTrue(result.err().contains("git fetch --unshallow") && result.err().contains("fetch-depth: 0"), result.err());
            TestProjects.CliResult diff = runCli("diff", "1.0.0", "current", "--project", repo.toString());
            assertEquals(2, diff.exitCode(), diff.toString());
            // The draft alone still builds, but says why its pages have no last-change dates.
            TestProjects.CliResult draft = runCli("build", "--project", repo.toString());
            assertEquals(0, draft.exitCode(), draft.toString());
            assertTrue(draft.out().contains("the pages show no last-change dates: this is a shallow clone")
                    || draft.err().contains("the pages show no last-change dates: this is a shallow clone"), draft.toString());
        } finally {
            Files.delete(repo.resolve(".git/shallow"));
        }
    }

    /** Each change as "KIND breaking|ok subject path". */
    private Set<String> diff(String from, String to) throws Exception {
        TestProjects.CliResult result = runCli("diff", from, to, "--format", "json", "--project", repo.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        Set<String> changes = new HashSet<>();
        for (JsonNode change : JSON.readTree(result.out()).get("changes")) {
            String path = change.get("path").asText();
            changes.add(change.get("kind").asText() + " " + (change.get("breaking").asBoolean() ? "breaking" : "ok") + " "
                    + change.get("subject").asText() + " " + path);
        }
        return changes;
    }

    private void edit(String file, String from, String to) {
        String text = read(repo.resolve(file));
        if (!text.contains(from)) throw new IllegalStateException(file + " lacks " + from);
        write(repo, file, text.replace(from, to));
    }

    private static RevCommit commit(Git git, String message, int day) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(ident(day)).setCommitter(ident(day)).setSign(false).call();
    }

    private static PersonIdent ident(int day) {
        return new PersonIdent("編集者", "editor@example.org", day(day), ZoneOffset.UTC);
    }

    private static Instant day(int day) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86400L * day);
    }

    private static List<String> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
