package io.proofdesk.ui.network;

import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.http.ResponseTooLargeException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.web3j.protocol.core.Response.Error;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Asks one endpoint whether it is there, off the FX thread: an RPC endpoint for {@code eth_chainId} and
 * {@code eth_blockNumber} (through web3j over a size-capped client), a node for {@code GET /health}, a hub for its
 * model list, a file or blob store for any HTTP answer at its base. Never throws: a failure is a result with a reason.
 */
public final class EndpointProber implements AutoCloseable {

    static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final Supplier<OkHttpClient> newClient;
    private final ResourceBundle strings;
    private final Clock clock;
    private final Duration timeout;
    // made on the first probe, off the FX thread: building an OkHttpClient sets up TLS (trust store, providers,
    // and with them the signed BouncyCastle jar's verification), seconds of a cold start the window need not wait for
    private OkHttpClient http;
    private boolean closed;

    public EndpointProber(ResourceBundle strings, Duration timeout) {
        this(() -> HttpClients.cappedIdempotent(MAX_ANSWER_BYTES, timeout), strings, Clock.systemUTC(), timeout);
    }

    EndpointProber(OkHttpClient http, ResourceBundle strings, Clock clock, Duration timeout) {
        this(() -> http, strings, clock, timeout);
    }

    private EndpointProber(Supplier<OkHttpClient> newClient, ResourceBundle strings, Clock clock, Duration timeout) {
        this.newClient = newClient;
        this.strings = strings;
        this.clock = clock;
        this.timeout = timeout;
    }

    private synchronized OkHttpClient http() throws IOException {
        if (closed) {
            throw new IOException("the prober is closed");
        }
        if (http == null) {
            http = newClient.get();
        }
        return http;
    }

    /** @param expectedChainId for RPC endpoints: another chain id is an error; null accepts any */
    public ProbeResult probe(ProbeTarget target, Long expectedChainId) {
        long started = System.nanoTime();
        try {
            return switch (target.kind()) {
                case RPC -> rpc(target, expectedChainId, started);
                case NODE -> http(target, "health", true, started);
                case HUB -> http(target, "api/v0/models/", true, started);
                case FILE_STORE, BLOB_STORE -> http(target, "", false, started);
            };
        } catch (RuntimeException | IOException e) {
            return ProbeResult.failed(target, reason(e), clock.instant());
        }
    }

    private ProbeResult rpc(ProbeTarget target, Long expected, long started) throws IOException {
        if (HttpUrl.parse(target.url()) == null) {
            return ProbeResult.failed(target, say("network.probe.badUrl"), clock.instant());
        }
        HttpService service = new HttpService(target.url(), http());
        EthChainId chain = new org.web3j.protocol.core.Request<>("eth_chainId", List.of(), service, EthChainId.class)
                .send();
        rpcError(chain.getError());
        long chainId = quantity("eth_chainId", chain.getResult());
        if (expected != null && chainId != expected) {
            return ProbeResult.failed(target, say("network.probe.wrongChain", chainId, expected), clock.instant());
        }
        EthBlockNumber head = new org.web3j.protocol.core.Request<>("eth_blockNumber", List.of(), service,
                EthBlockNumber.class).send();
        rpcError(head.getError());
        long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new ProbeResult(target, chainId, quantity("eth_blockNumber", head.getResult()), latency, null,
                clock.instant());
    }

    /** The answer of {@code method} as a number, or a reason that names the method and quotes the answer. */
    private long quantity(String method, String answer) throws IOException {
        if (answer == null || !answer.matches("0x[0-9a-fA-F]{1,15}")) {
            String quoted = answer == null ? "null" : answer.length() > 40 ? answer.substring(0, 40) + "\u2026" : answer;
            throw new IOException(say("network.probe.badQuantity", method, quoted));
        }
        return Long.parseLong(answer.substring(2), 16);
    }

    private void rpcError(Error error) throws IOException {
        if (error != null) {
            throw new IOException(say("network.probe.rpcError", error.getCode(), error.getMessage()));
        }
    }

    private ProbeResult http(ProbeTarget target, String path, boolean needsSuccess, long started) throws IOException {
        HttpUrl base = HttpUrl.parse(target.url());
        if (base == null) {
            return ProbeResult.failed(target, say("network.probe.badUrl"), clock.instant());
        }
        HttpUrl url = path.isEmpty() ? base : base.newBuilder().addPathSegments(path).build();
        try (Response r = http().newCall(new Request.Builder().url(url).get().build()).execute()) {
            long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (needsSuccess ? !r.isSuccessful() : r.code() >= 500) {
                return ProbeResult.failed(target, say("network.probe.http", r.code()), clock.instant());
            }
            if (r.body() != null) {
                r.body().bytes(); // read through the cap, so a huge answer counts as a failure
            }
            return new ProbeResult(target, null, null, latency, null, clock.instant());
        }
    }

    /** One short phrase for the State column. */
    String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof InterruptedIOException || t instanceof ResponseTooLargeException)) {
            t = t.getCause();
        }
        if (t instanceof ConnectException) {
            return say("network.probe.refused");
        }
        if (t instanceof UnknownHostException) {
            return say("network.probe.unknownHost", t.getMessage());
        }
        if (t instanceof InterruptedIOException) {
            return say("network.probe.timeout", timeout.toMillis() / 1000.0);
        }
        if (t instanceof ResponseTooLargeException) {
            return say("network.probe.tooLarge", MAX_ANSWER_BYTES / 1024);
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
        return m.length() > 160 ? m.substring(0, 157) + "\u2026" : m;
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
