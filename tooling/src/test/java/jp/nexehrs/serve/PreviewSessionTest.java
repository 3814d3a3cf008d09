package jp.nexehrs.serve;

import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nexehrs serve} end to end on a temporary copy of the fixture: the server on an ephemeral port, a tab's
 * event stream read with HttpClient, and real edits of a document and a profile on disk, picked up by the watcher.
 */
class PreviewSessionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PAGE = "01-intro.html";
    private static final String PROFILE = "profiles/structuredefinitions/StructureDefinition-minimal-patient.json";
    private static final String PROFILE_PAGE = "StructureDefinition-minimal-patient.html";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> terminal = new ArrayList<>();
    private Toolkit toolkit;
    private PreviewSession session;
    private String base;

    @AfterEach
    void stop() throws Exception {
        if (session != null) session.close();
        if (toolkit != null) toolkit.close();
    }

    private Path start() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        toolkit = TestToolkits.of(2, 946684800L, new Toolkit.Caching(true, "test"));
        session = new PreviewSession(toolkit, root, line -> {
            synchronized (terminal) {
                terminal.add(line);
            }
        });
        InetSocketAddress address = session.start("127.0.0.1", 0);
        assertTrue(address.getAddress().isLoopbackAddress(), "127.0.0.1 only by default");
        base = "http://127.0.0.1:" + address.getPort() + "/";
        return root;
    }

    @Test
    void savingADocumentOrAProfileChangesThePageAndReloadsTheTabAndErrorsShowAsAnOverlay() throws Exception {
        Path root = start();
        HttpResponse<String> page = get(PAGE);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("婚姻状態"), "the document's text");
        assertTrue(page.body().contains(PageDecorator.EVENTS_PATH), "the live-reload script is injected into served pages");
        assertFalse(page.body().contains("id=\"nexehrs-overlay\""), "no overlay while there are no errors");
        assertFalse(Files.exists(root.resolve("build/site")), "serve keeps the site in memory: build/site is never decorated");

        BlockingQueue<String> events = openEventStream();
        assertNotNull(awaitData(events, "hello", d -> d.contains("\"generation\":1")), "a new tab is told the generation");

        // A document: its page is shown first, composed from the last build; the full rebuild then makes the same page,
        // so the tab does not reload again.
        Path document = root.resolve("spec/01-intro.adoc");
        Files.writeString(document, Files.readString(document) + "\n== 保存した節\n\n保存したばかりの本文。\n", StandardCharsets.UTF_8);
        String shown = awaitData(events, "reload", d -> true);
        assertNotNull(shown, "a reload event after saving the document; terminal: " + terminal());
        assertTrue(shown.contains("\"changed\":[\"" + PAGE + "\"]"), "the saved document's page alone, at once: " + shown);
        assertTrue(get(PAGE).body().contains("保存したばかりの本文"), "the page shows the saved text");
        String rebuilt = awaitData(events, "reload", d -> true);
        assertNotNull(rebuilt, "the full rebuild follows; terminal: " + terminal());
        assertFalse(rebuilt.contains(PAGE), "the full rebuild made the page the tab already shows: " + rebuilt);
        assertTrue(terminal().contains("showed " + PAGE), terminal());

        // A profile: its page is shown first too, before its examples are validated again.
        Path profile = root.resolve(PROFILE);
        String profileText = Files.readString(profile);
        Files.writeString(profile, profileText.replaceFirst("\"description\"\\s*:\\s*\"", "\"description\": \"改訂した説明。"));
        assertNotNull(awaitData(events, "reload", d -> d.contains(PROFILE_PAGE)), "a reload event after saving the profile; " + terminal());
        assertTrue(get(PROFILE_PAGE).body().contains("改訂した説明"), "the profile's page shows the new description");
        assertTrue(terminal().contains("showed " + PROFILE_PAGE), terminal());

        // A broken document: every tab reloads to show the overlay with file and line; the server goes on.
        String good = Files.readString(document);
        Files.writeString(document, good + "\ninclude::does-not-exist.adoc[]\n");
        assertNotNull(awaitData(events, "reload", d -> d.contains("\"all\":true")), "a reload of every tab; " + terminal());
        String broken = get(PAGE).body();
        assertTrue(broken.contains("id=\"nexehrs-overlay\""), "the overlay is shown");
        assertTrue(broken.matches("(?s).*spec/01-intro\\.adoc:\\d+.*"), "the overlay names the file and line: " + broken);
        assertTrue(terminal().contains("spec/01-intro.adoc:"), "the terminal shows the error: " + terminal());

        // Fixed: the overlay goes away.
        Files.writeString(document, good);
        assertNotNull(awaitData(events, "reload", d -> d.contains("\"all\":true")), "a reload of every tab when fixed; " + terminal());
        assertFalse(get(PAGE).body().contains("id=\"nexehrs-overlay\""), "fixing the file clears the overlay");
    }

    @Test
    void aBrokenConfigurationKeepsTheLastSiteAndTheServerRunning() throws Exception {
        Path root = start();
        BlockingQueue<String> events = openEventStream();
        assertNotNull(awaitData(events, "hello", d -> true));
        String config = Files.readString(root.resolve("nexehrs.yaml"));
        Files.writeString(root.resolve("nexehrs.yaml"), config + "\nthis is: [not yaml\n");
        assertNotNull(awaitData(events, "reload", d -> d.contains("\"all\":true")), terminal());
        HttpResponse<String> page = get(PAGE);
        assertEquals(200, page.statusCode(), "the last good site is still served");
        assertTrue(page.body().contains("id=\"nexehrs-overlay\"") && page.body().contains("nexehrs.yaml"), page.body());
        Files.writeString(root.resolve("nexehrs.yaml"), config);
        assertNotNull(awaitData(events, "reload", d -> d.contains("\"all\":true")), terminal());
        assertFalse(get(PAGE).body().contains("id=\"nexehrs-overlay\""));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The lines of the event stream as a tab would read them, collected on HttpClient's threads. */
    private BlockingQueue<String> openEventStream() {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + PageDecorator.EVENTS_PATH.substring(1))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            response.body().forEach(lines::add);
        });
        return lines;
    }

    /** The data of the next event named {@code name} whose data matches, skipping others; null after the patience runs out. */
    private static String awaitData(BlockingQueue<String> lines, String name, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String event = "";
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) return null;
            if (line.startsWith("event: ")) event = line.substring("event: ".length());
            else if (line.startsWith("data: ") && event.equals(name) && wanted.test(line.substring("data: ".length()))) {
                return line.substring("data: ".length());
            }
        }
        return null;
    }

    private String terminal() {
        synchronized (terminal) {
            return String.join("\n", terminal);
        }
    }
}
