package org.wwan4j.agent.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.wwan4j.agent.status.AgentStatus;

/**
 * Serves {@code /metrics} on the loopback address only: metrics are for a local collector, and a device's WAN side
 * must not expose them. One virtual-thread-per-request executor; the text is made from the latest snapshot.
 */
public final class MetricsServer implements AutoCloseable {

    public static final String PATH = "/metrics";
    /** Seconds close() waits for requests in progress. */
    static final int STOP_DELAY_SECONDS = 1;

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** @param port 0 picks a free port (see {@link #port()}) */
    public static MetricsServer start(int port, Supplier<AgentStatus> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PATH, exchange -> serve(exchange, status));
        // A platform thread per scrape, not a virtual one: see the probes' executor in AgentDaemon.
        server.setExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("wwan-metrics-", 0).daemon().factory()));
        server.start();
        return new MetricsServer(server);
    }

    private static void serve(HttpExchange exchange, Supplier<AgentStatus> status) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = MetricsText.format(status.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", MetricsText.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
    }
}
