package jp.nexehrs.serve;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
