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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the site from memory with the JDK's HTTP server on a bounded pool of threads: GET and HEAD only,
 * the right content type for each file, HTML pages decorated for live reload, and the event stream the tabs
 * listen to. Paths are checked by {@link SitePaths}; nothing outside the site's own files can be named.
 * Only requests addressed to this machine by name ({@link ServedHosts}) are answered, so a page on a rebinding
 * domain cannot read the draft site; a request that has not sent its headers in time is dropped by the JDK
 * server's own timer, so slow or half-sent requests hold a worker only briefly.
 */
final class SiteServer implements AutoCloseable {
    /** Workers kept ready; more are started on demand, up to {@link #MAX_THREADS}, then connections are refused. */
    private static final int CORE_THREADS = 4;
    static final int MAX_THREADS = 64;
    /** Seconds a request may take to send its line and headers before its connection is closed. */
    static final int REQUEST_HEADER_SECONDS = 10;
    /** Seconds an idle keep-alive connection stays open. */
    static final int IDLE_SECONDS = 30;
    static final int MAX_CONNECTIONS = 256;
    private static final long HEARTBEAT_SECONDS = 15;

    static {
        // The JDK server reads these once, when its first server is made; a value the user set wins.
        limit("sun.net.httpserver.maxReqTime", REQUEST_HEADER_SECONDS);
        limit("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        limit("sun.net.httpserver.maxIdleConnections", 32);
        limit("sun.net.httpserver.maxReqHeaders", 100);
        limit("sun.net.httpserver.maxReqHeaderSize", 64 * 1024);
        limit("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
    }

    private static void limit(String property, int value) {
        if (System.getProperty(property) == null) System.setProperty(property, Integer.toString(value));
    }

    private final AtomicReference<SiteState> state;
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final String givenHost;

    /** @param address where to listen; its host, as the user gave it, is also a name requests may use */
    SiteServer(InetSocketAddress address, AtomicReference<SiteState> state) throws IOException {
        this.state = state;
        this.givenHost = address.getHostString();
        this.server = HttpServer.create(address, 0);
        // A task the pool refuses makes the JDK server close that connection: the pool, not the clients, sets the bound.
        this.pool = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("nexehrs-http"));
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
            if (!ServedHosts.allows(exchange.getRequestHeaders().getFirst("Host"), givenHost, address().getPort())) {
                respond(exchange, 421, "this server answers only requests for 127.0.0.1, localhost or [::1] with its port");
                return;
            }
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
