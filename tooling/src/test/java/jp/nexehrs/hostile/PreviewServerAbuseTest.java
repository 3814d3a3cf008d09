package jp.nexehrs.hostile;

import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.serve.PreviewSession;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview server under abuse (issue 24): a page on a rebinding domain asking for the draft site, and clients
 * that open connections and never finish their request. Requests are written byte for byte on loopback sockets.
 * The two tests that wait for the server's timers (10 and 15 s) wait side by side; the class never overlaps another.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PreviewServerAbuseTest {
    private static Toolkit toolkit;
    private static PreviewSession session;
    private static int port;
    private static Path root;
    private static final List<String> terminal = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void serve(@TempDir Path dir) throws Exception {
        root = TestProjects.copyMinimal(dir.resolve("project"));
        toolkit = TestToolkits.of(2, 946684800L, new Toolkit.Caching(true, "test"));
        session = new PreviewSession(toolkit, root, terminal::add);
        InetSocketAddress address = session.start("127.0.0.1", 0);
        port = address.getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (session != null) session.close();
        if (toolkit != null) toolkit.close();
    }

    @Test
    void aRequestForAnotherHostGetsNoPage() throws IOException {
        String rebinding = get("evil.example:" + port);
        assertTrue(rebinding.startsWith("HTTP/1.1 421"), rebinding);
        assertFalse(rebinding.contains("<html"), "no page for a rebinding domain");
        assertTrue(get("127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
        assertTrue(get("localhost:" + port).startsWith("HTTP/1.1 200"));
        assertTrue(get("127.0.0.1:" + (port + 1)).startsWith("HTTP/1.1 421"), "the port is part of the name");
    }

    @Test
    void fiftyHalfSentRequestsDoNotStopService() throws Exception {
        List<Socket> halfOpen = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                halfOpen.add(socket);
            }
            long start = System.nanoTime();
            String answer = get("127.0.0.1:" + port);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            // Generous: a served page takes milliseconds; a blocked pool would wait for the header timeout (10 s).
            assertTrue(millis < 8_000, "answered in " + millis + " ms beside 50 half-sent requests");
        } finally {
            for (Socket socket : halfOpen) socket.close();
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aHalfSentRequestIsDroppedAfterTheHeaderTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            int read = socket.getInputStream().read();
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(-1, read, "the server closes the connection instead of answering");
            assertTrue(seconds < 40, "closed after " + seconds + " s");
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theLiveReloadStreamOutlivesTheRequestHeaderTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(40_000);
            socket.getOutputStream().write(("GET /_nexehrs/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            // The stream's heartbeat comes every 15 s; the header timeout (10 s) must not have closed it by then.
            while (!seen.toString().contains(": heartbeat")) {
                int b = in.read();
                assertTrue(b >= 0, "the event stream was closed: " + seen);
                seen.append((char) b);
            }
        }
    }

    @Test
    void aRebuildThatFailsIsShownAndTheNextSaveIsStillPickedUp() throws Exception {
        TestProjects.write(root, "spec/02-bomb.adoc", HostileInputCatalogueTest.attributeBomb());
        awaitTerminal(line -> line.contains("spec/02-bomb.adoc:8") && line.contains("grows past 8 million characters"));
        assertTrue(get("127.0.0.1:" + port).contains("id=\"nexehrs-overlay\""), "the error is shown over the page");

        TestProjects.write(root, "spec/02-bomb.adoc", "= 直した文書\n:revnumber: 1.0.0\n:nexehrs-status: draft\n:nexehrs-owner: テストWG\n\n本文。\n");
        awaitTerminal(line -> line.startsWith("rebuilt") && line.contains(" 0 error(s)"));
    }

    private static void awaitTerminal(java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (terminal) {
                if (terminal.stream().anyMatch(wanted)) {
                    terminal.clear();
                    return;
                }
            }
            Thread.sleep(100);
        }
        synchronized (terminal) {
            org.junit.jupiter.api.Assertions.fail("the terminal never said it: " + terminal);
        }
    }

    private static String get(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /index.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
