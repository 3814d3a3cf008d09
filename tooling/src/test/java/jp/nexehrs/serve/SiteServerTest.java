package jp.nexehrs.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP side of {@code nexehrs serve} on an ephemeral port, with requests written byte for byte on a socket (an
 * HTTP client would normalise the paths these tests must send as they are): traversal in every spelling is refused,
 * folders are never listed, each file type gets its content type, and only served HTML carries the live script.
 */
class SiteServerTest {
    private static final String SECRET = "canonical: http://example.org/secret";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private SiteServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        Map<String, byte[]> files = Map.of(
                "index.html", html("ホーム"),
                "spec/index.html", html("文書一覧"),
                "spec/03-sharing.html", html("共用"),
                "assets/site.css", "body{}".getBytes(StandardCharsets.UTF_8),
                "assets/app.js", "console.log(1)".getBytes(StandardCharsets.UTF_8),
                "assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                "assets/logo.png", PNG,
                "StructureDefinition-p.json", "{}".getBytes(StandardCharsets.UTF_8),
                "jp.nexehrs.plan-0.1.0.tgz", new byte[]{0x1f, (byte) 0x8b, 8},
                "downloads/all.zip", new byte[]{'P', 'K', 3, 4});
        server = new SiteServer(new InetSocketAddress("127.0.0.1", 0), new AtomicReference<>(new SiteState(3, files, List.of(), "")));
        server.start();
        port = server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../nexehrs.yaml", "/spec/../../nexehrs.yaml", "/%2e%2e/nexehrs.yaml", "/%2E%2E%2Fnexehrs.yaml",
            "/%2e%2e%2f%2e%2e%2fetc/passwd", "/%252e%252e/nexehrs.yaml", "/%252e%252e%252fnexehrs.yaml",
            "/assets/..%2f..%2fnexehrs.yaml", "/..%5cnexehrs.yaml", "/%5c..%5cnexehrs.yaml", "/index.html%00.png",
            "/spec/./03-sharing.html", "//etc/passwd", "/assets//site.css", "/%c0%ae%c0%ae/nexehrs.yaml"})
    void traversalInAnySpellingIsRefused(String target) throws IOException {
        Response response = request("GET", target);
        assertTrue(response.status() == 400 || response.status() == 404, target + " -> " + response.status());
        assertFalse(response.body().contains(SECRET) || response.body().contains("root:"), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..\\nexehrs.yaml", "/assets\\..\\..\\nexehrs.yaml"})
    void aBackslashIsRefused(String target) throws IOException {
        assertEquals(400, request("GET", target).status(), target);
    }

    @ParameterizedTest
    @CsvSource({
            "/, text/html; charset=utf-8",
            "/index.html, text/html; charset=utf-8",
            "/spec/03-sharing.html, text/html; charset=utf-8",
            "/spec/, text/html; charset=utf-8",
            "/assets/site.css, text/css; charset=utf-8",
            "/assets/app.js, text/javascript; charset=utf-8",
            "/assets/logo.svg, image/svg+xml",
            "/assets/logo.png, image/png",
            "/StructureDefinition-p.json, application/json; charset=utf-8",
            "/jp.nexehrs.plan-0.1.0.tgz, application/gzip",
            "/downloads/all.zip, application/zip"})
    void eachFileHasItsContentType(String target, String type) throws IOException {
        Response response = request("GET", target);
        assertEquals(200, response.status(), target);
        assertEquals(type, response.header("content-type"), target);
        assertEquals("nosniff", response.header("x-content-type-options"));
        assertEquals(type.startsWith("text/html"), response.body().contains(PageDecorator.EVENTS_PATH),
                "only HTML pages carry the live-reload script: " + target);
    }

    @ParameterizedTest
    @CsvSource({"/spec, 301", "/assets/, 404", "/assets, 404", "/missing.html, 404", "/spec/%E5%85%B1%E7%94%A8.html, 404"})
    void foldersServeTheirIndexOrNothingAndAreNeverListed(String target, int status) throws IOException {
        Response response = request("GET", target);
        assertEquals(status, response.status(), target);
        assertFalse(response.body().contains("site.css"), "no listing: " + response.body());
        if (status == 301) assertEquals("/spec/", response.header("location"));
    }

    @ParameterizedTest
    @ValueSource(ints = {SitePaths.MAX_TARGET_LENGTH + 1, 20_000})
    void aVeryLongTargetIsRefusedWith414(int length) throws IOException {
        assertEquals(414, request("GET", "/" + "a".repeat(length - 1)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void onlyGetAndHeadAreAllowed(String method) throws IOException {
        Response response = request(method, "/index.html");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD", response.header("allow"));
        assertEquals(200, request("HEAD", "/index.html").status());
    }

    private static byte[] html(String title) {
        return ("<!DOCTYPE html><html lang=\"ja\"><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** One request, written exactly as given (no client-side normalisation), with Connection: close. */
    @org.junit.jupiter.api.Test
    void manyConcurrentRequestsAreAllAnsweredAndTheServerStaysUp() throws Exception {
        // Bounded: 400 requests from 32 client threads on loopback, each with a deadline; the server's own pool stays at its size.
        var clients = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String target = i % 3 == 0 ? "/index.html" : i % 3 == 1 ? "/assets/site.css" : "/%2e%2e/%2e%2e/etc/passwd";
                answers.add(clients.submit(() -> request("GET", target).status()));
            }
            int ok = 0;
            int refused = 0;
            for (var answer : answers) {
                int status = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (status == 200) ok++;
                else if (status == 400 || status == 404) refused++;
            }
            assertEquals(400, ok + refused, "every request got an answer");
            assertTrue(ok >= 266 && refused >= 133, ok + " ok, " + refused + " refused");
        } finally {
            clients.shutdownNow();
        }
        assertEquals(200, request("GET", "/index.html").status(), "the server still answers afterwards");
    }

    private Response request(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
