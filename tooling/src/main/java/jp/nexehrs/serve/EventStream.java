package jp.nexehrs.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent events the open tabs listen to. A connection stays open after its handler returns, so a tab
 * holds no server thread; a tab that went away is dropped at the next event or heartbeat.
 */
final class EventStream implements AutoCloseable {
    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

    /** Opens the stream of one tab and tells it the current generation (it reloads if it shows an older one). */
    void connect(HttpExchange exchange, long generation) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        clients.add(exchange);
        if (!send(exchange, "retry: 1000\nevent: hello\ndata: {\"generation\":" + generation + "}\n\n")) clients.remove(exchange);
    }

    void publish(String event, String json) {
        broadcast("event: " + event + "\ndata: " + json + "\n\n");
    }

    /** A comment line: keeps proxies from closing idle streams and finds tabs that went away. */
    void heartbeat() {
        broadcast(": heartbeat\n\n");
    }

    private void broadcast(String message) {
        for (HttpExchange client : clients) {
            if (!send(client, message)) {
                clients.remove(client);
                client.close();
            }
        }
    }

    private static boolean send(HttpExchange client, String message) {
        try {
            OutputStream body = client.getResponseBody();
            synchronized (client) {
                body.write(message.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (HttpExchange client : clients) client.close();
        clients.clear();
    }
}
