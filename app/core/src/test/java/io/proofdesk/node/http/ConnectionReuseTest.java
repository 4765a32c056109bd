package io.proofdesk.node.http;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client keeps the connections of as many parallel callers as a batch has workers, and reuses them. */
class ConnectionReuseTest {

    private static final int CALLERS = 16;

    private HttpServer server;
    private ExecutorService serverThreads;
    /** The client side (address and port) of every connection the server saw: one entry per connection. */
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private CyclicBarrier allInFlight = new CyclicBarrier(CALLERS);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(CALLERS);
        server.setExecutor(serverThreads);
        server.createContext("/blob", ex -> {
            connections.add(ex.getRemoteAddress());
            try {
                // every caller holds its connection at once, as parallel workers do
                allInFlight.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("callers did not arrive together", e);
            }
            ex.sendResponseHeaders(200, 3);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[] {1, 2, 3});
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void roundOfParallelCalls(OkHttpClient client) throws Exception {
        allInFlight = new CyclicBarrier(CALLERS);
        Request get = new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + "/blob").build();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                answers.add(callers.submit(() -> {
                    try (Response r = client.newCall(get).execute()) {
                        return r.body().bytes().length;
                    }
                }));
            }
            for (Future<Integer> a : answers) {
                assertEquals(3, a.get(20, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("16 callers at once open 16 connections, and the next 16 calls reuse all of them")
    void parallelCallersReuseTheirConnections() throws Exception {
        OkHttpClient client = HttpClients.cappedIdempotent(1000, Duration.ofSeconds(20));
        roundOfParallelCalls(client);
        assertEquals(CALLERS, connections.size());
        roundOfParallelCalls(client);
        // okhttp's default pool keeps 5 idle connections: 11 of the second round would have been new
        assertEquals(CALLERS, connections.size(), "connections opened over two rounds");
    }
}
