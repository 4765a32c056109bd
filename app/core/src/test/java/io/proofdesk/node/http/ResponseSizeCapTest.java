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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseSizeCapTest {

    private HttpServer server;
    private final OkHttpClient client = HttpClients.capped(1000, Duration.ofSeconds(2));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", ex -> reply(ex, 500, false));
        server.createContext("/declared", ex -> reply(ex, 5000, false));
        server.createContext("/chunked", ex -> reply(ex, 50_000, true));
        server.createContext("/stall", ex -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 1, false);
        });
        server.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int bytes, boolean chunked) throws IOException {
        ex.sendResponseHeaders(200, chunked ? 0 : bytes);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(new byte[bytes]);
        } catch (IOException clientGaveUp) {
            // the capped client closes early; that is the point
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private byte[] fetch(String path) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(url(path)).build()).execute()) {
            return r.body().bytes();
        }
    }

    @Test
    @DisplayName("answers under the cap are read whole")
    void small() throws IOException {
        assertEquals(500, fetch("/small").length);
    }

    @Test
    @DisplayName("a declared length over the cap is refused before reading, naming the URL")
    void declared() {
        ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> fetch("/declared"));
        assertTrue(e.getMessage().contains("/declared"), e.getMessage());
    }

    @Test
    @DisplayName("a chunked answer is cut off as soon as it crosses the cap")
    void chunked() {
        assertThrows(ResponseTooLargeException.class, () -> fetch("/chunked"));
    }

    @Test
    @DisplayName("a stalled server times out instead of hanging the caller")
    void stall() {
        assertThrows(IOException.class, () -> fetch("/stall"));
    }
}
