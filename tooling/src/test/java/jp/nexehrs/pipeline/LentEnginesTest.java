package jp.nexehrs.pipeline;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engines lent to toolkits serve one build after another: a toolkit that borrowed them leaves them open when it is
 * closed, so the next build converts its documents on the same, already started, Asciidoctor; a toolkit that made its
 * own closes them.
 */
class LentEnginesTest {
    private static final long EPOCH = 946684800L;

    @Test
    void enginesLentToOneToolkitAfterAnotherServeEachBuild(@TempDir Path dir) throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        try (Engines engines = new Engines()) {
            Outcome first;
            Object firstConverter;
            try (Toolkit toolkit = new Toolkit(2, EPOCH, Toolkit.Caching.OFF, Optional.empty(), engines)) {
                first = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.PREVIEW);
                firstConverter = toolkit.documents();
                assertSame(engines.fhir(), toolkit.fhir());
            }
            // Closed, the first toolkit left the engines open: the second build converts its documents on them.
            try (Toolkit toolkit = new Toolkit(2, EPOCH, Toolkit.Caching.OFF, Optional.empty(), engines)) {
                Outcome second = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.PREVIEW);
                assertSame(firstConverter, toolkit.documents());
                assertEquals(List.of(), TestProjects.errors(second.findings()), TestProjects.describe(second.findings()));
                assertFalse(second.checked().converted().documents().isEmpty(), "the documents were converted");
                assertFalse(second.checked().converted().documents().get(0).htmlBody().isBlank(), "into HTML");
            }
            assertEquals(List.of(), TestProjects.errors(first.findings()), TestProjects.describe(first.findings()));
        }
    }

    @Test
    void aToolkitThatMadeItsOwnEnginesClosesThemWithItself() {
        Toolkit toolkit = new Toolkit(1, EPOCH);
        toolkit.fhir();
        toolkit.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, toolkit::documents);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
