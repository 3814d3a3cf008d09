package jp.nexehrs.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the site from memory with the JDK's HTTP server on a small, bounded pool of threads: GET and HEAD only,
 * the right content type for each file, HTML pages decorated for live reload, and the event stream the tabs
 * listen to. Paths are checked by {@link SitePaths}; nothing outside the site's own files can be named.
 */
final class SiteServer implements AutoCloseable {
    private static final int THREADS = 8;
    private static final long HEARTBEAT_SECONDS = 15;

    private final AtomicReference<SiteState> state;
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;

    SiteServer(InetSocketAddress address, AtomicReference<SiteState> state) throws IOException {
        this.state = state;
        this.server = HttpServer.create(address, 0);
        this.pool = Executors.newFixedThreadPool(THREADS, daemon("nexehrs-http"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("nexehrs-heartbeat"));
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
        heartbeat.scheduleAtFixedRate(events::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    EventStream events() {
        return events;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "method not allowed");
                return;
            }
            String target = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String rawTarget = query == null ? target : target + "?" + query;
            SiteState current = state.get();
            if (PageDecorator.EVENTS_PATH.equals(target)) {
                events.connect(exchange, current.generation());
                return; // the stream stays open; EventStream writes to it and closes it
            }
            Map<String, byte[]> files = current.files();
            SitePaths.Resolution resolution = SitePaths.resolve(rawTarget, files::containsKey);
            if (resolution instanceof SitePaths.Serve serve) {
                serveFile(exchange, serve.path(), files.get(serve.path()), current);
            } else if (resolution instanceof SitePaths.Redirect redirect) {
                exchange.getResponseHeaders().set("Location", redirect.location());
                respond(exchange, 301, "moved to " + redirect.location());
            } else if (resolution instanceof SitePaths.Refuse refuse) {
                respond(exchange, refuse.status(), refuse.reason());
            }
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    private static void serveFile(HttpExchange exchange, String path, byte[] content, SiteState state) throws IOException {
        String type = ContentTypes.of(path);
        byte[] body = type.equals(ContentTypes.HTML) ? PageDecorator.decorate(content, state) : content;
        exchange.getResponseHeaders().set("Content-Type", type);
        send(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        events.close();
        server.stop(0);
        pool.shutdownNow();
    }
}
