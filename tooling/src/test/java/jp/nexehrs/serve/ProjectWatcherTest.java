package jp.nexehrs.serve;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code nexehrs serve} tells the editor it watches is what the project has, in either layout. */
class ProjectWatcherTest {
    @TempDir
    Path dir;

    @Test
    void theTerminalNamesTheSourcesThisProjectHas() {
        Path nexehrs = TestProjects.copyMinimal(dir.resolve("minimal"));
        assertEquals(List.of("spec/", "profiles/", "nexehrs.yaml"), ProjectWatcher.watchedIn(nexehrs));
        Path guide = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        assertEquals(List.of("input/", "sushi-config.yaml"), ProjectWatcher.watchedIn(guide));
    }

    @Test
    void editorsScratchFilesAreNotSavedSources() {
        for (String scratch : List.of("01-intro.adoc~", ".01-intro.adoc.swp", "4913", ".#01-intro.adoc",
                "01-intro.adoc___jb_tmp___", "01-intro.adoc___jb_old___")) {
            assertTrue(ProjectWatcher.isEditorScratch(scratch), scratch);
        }
        assertFalse(ProjectWatcher.isEditorScratch("01-intro.adoc"));
        assertFalse(ProjectWatcher.isEditorScratch("4913.adoc"));
    }
}
