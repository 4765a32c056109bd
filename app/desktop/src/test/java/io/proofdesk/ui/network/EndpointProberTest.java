package io.proofdesk.ui.network;

import com.sun.net.httpserver.HttpServer;
import io.proofdesk.ui.AppWiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probes over real HTTP on 127.0.0.1: a port nobody listens on, a server that fails, one that answers. */
class EndpointProberTest {

    private final EndpointProber prober = new EndpointProber(ResourceBundle.getBundle(AppWiring.STRINGS),
            Duration.ofSeconds(2));
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/broken/", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.createContext("/rpc", ex -> {
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"method not found\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/negative", ex -> {
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String result = request.contains("eth_chainId") ? "\"0x7a69\"" : "\"-0x5\"";
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        prober.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again: nothing listens there now
        }
    }

    @Test
    void aDeadRpcEndpointIsAnErrorWithItsReason() throws IOException {
        ProbeResult r = prober.probe(new ProbeTarget(ProbeTarget.Kind.RPC, "http://127.0.0.1:" + deadPort()), 31337L);
        assertFalse(r.ok());
        assertEquals("connection refused", r.error());
        assertNull(r.headBlock());
        assertNull(r.chainId());
        assertNotNull(r.at());
    }

    @Test
    void anRpcErrorAnswerIsAnErrorThatQuotesIt() {
        ProbeResult r = prober.probe(new ProbeTarget(ProbeTarget.Kind.RPC, base() + "/rpc"), null);
        assertEquals("RPC error -32601: method not found", r.error());
    }

    @Test
    void aNegativeBlockNumberIsAnErrorNamingTheMethodAndQuotingTheAnswer() {
        ProbeResult r = prober.probe(new ProbeTarget(ProbeTarget.Kind.RPC, base() + "/negative"), 31337L);
        assertFalse(r.ok());
        assertEquals("eth_blockNumber: the answer '-0x5' is not a number", r.error());
    }

    @Test
    void anRpcUrlOfAnotherSchemeIsNotAnHttpUrl() {
        for (String url : new String[]{"file:///etc/passwd", "ftp://example.com/rpc"}) {
            assertEquals("not an http(s) URL", prober.probe(new ProbeTarget(ProbeTarget.Kind.RPC, url), null).error());
        }
    }

    @Test
    void aHealthyNodeAnswersWithItsLatency() {
        ProbeResult r = prober.probe(new ProbeTarget(ProbeTarget.Kind.NODE, base()), null);
        assertTrue(r.ok(), r.error());
        assertNotNull(r.latencyMs());
    }

    @Test
    void aNodeWhoseHealthFailsIsAnError() {
        ProbeResult r = prober.probe(new ProbeTarget(ProbeTarget.Kind.NODE, base() + "/broken"), null);
        assertEquals("answered HTTP 503", r.error());
        ProbeResult blobs = prober.probe(new ProbeTarget(ProbeTarget.Kind.BLOB_STORE, base() + "/broken/"), null);
        assertEquals("answered HTTP 503", blobs.error());
    }
}
