package io.proofdesk.devnet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server for the demo network's services. It only ever binds 127.0.0.1 (the one listening socket
 * Proofdesk allows itself), caps every request body, and turns every failure into a JSON error with a status —
 * a bad request never takes the server down.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(LoopbackHttpServer.class.getName());

    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and body separately and leaves Nagle on unless told otherwise:
        // a body past one segment (a 24 KB blob) then waits for the client's delayed ACK, 40 ms on Linux, so one
        // blob in six took 100x the others. Read once, when the JVM's first HttpServer starts; real services do not
        // stall like this, and the demo network should not either. Set here, before any server of ours is created.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private record Route(String method, String prefix, RouteHandler handler) {}

    private final String name;
    private final int maxBodyBytes;
    private final List<Route> routes = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private ExecutorService executor;

    public LoopbackHttpServer(String name, int maxBodyBytes) {
        this.name = name;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Routes a method and path prefix (longest prefix wins); the handler sees the rest of the path. */
    public LoopbackHttpServer route(String method, String prefix, RouteHandler handler) {
        if (server != null) {
            throw new IllegalStateException("routes must be added before start");
        }
        routes.add(new Route(method, prefix, handler));
        routes.sort((a, b) -> b.prefix.length() - a.prefix.length());
        return this;
    }

    public LoopbackHttpServer start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponse response;
            try {
                response = handle(exchange);
            } catch (HttpError e) {
                response = error(e.status(), e.getMessage());
            } catch (RuntimeException | Error e) {
                LOG.log(Logger.Level.WARNING, name + ": request failed", e);
                response = error(500, name + " failed: " + e);
            } catch (Exception e) {
                response = error(500, name + " failed: " + e.getMessage());
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    if (response.perByte() == null) {
                        out.write(body);
                    } else {
                        drip(out, body, response.perByte());
                    }
                }
            }
        }
    }

    /** Sends one byte, flushes, waits: a client reading at its own pace sees every read succeed, slowly. */
    private static void drip(OutputStream out, byte[] body, java.time.Duration interval) throws IOException {
        for (byte b : body) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("stopped while dripping an answer", e);
            }
        }
    }

    private HttpResponse handle(HttpExchange exchange) throws Exception {
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route r : routes) {
            if (path.startsWith(r.prefix)) {
                pathKnown = true;
                if (r.method.equals(method)) {
                    byte[] body = readCapped(exchange.getRequestBody());
                    String rest = URLDecoder.decode(path.substring(r.prefix.length()), StandardCharsets.UTF_8);
                    return r.handler.handle(new HttpExchangeView(method, path, rest, parseQuery(uri.getRawQuery()), body));
                }
            }
        }
        if (pathKnown) {
            throw new HttpError(405, method + " is not allowed on " + path);
        }
        throw HttpError.notFound("no such path on " + name + ": " + path);
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > maxBodyBytes) {
                throw new HttpError(413, "request body larger than " + maxBodyBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private HttpResponse error(int status, String message) {
        try {
            return new HttpResponse(status, "application/json", json.writeValueAsBytes(Map.of("error", message)));
        } catch (IOException e) {
            return new HttpResponse(status, "text/plain", message.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
