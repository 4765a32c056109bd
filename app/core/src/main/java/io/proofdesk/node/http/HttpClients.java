package io.proofdesk.node.http;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one way Proofdesk builds HTTP clients: every client has connect/read/call timeouts and a response size cap,
 * and follows no redirects to other hosts silently (redirects are off: an endpoint is what the user configured).
 */
public final class HttpClients {

    /**
     * Idle connections a client keeps per pool: as many as a batch has workers at most (32), each of which holds
     * one connection to a host while it verifies. okhttp's default keeps 5, so a batch on 8 workers closed and
     * reopened connections to the blob store all through a run (94 reconnects in one 12,000-record run), which
     * against a real node is a TLS handshake each.
     */
    static final int MAX_IDLE_CONNECTIONS = 32;
    private static final long KEEP_ALIVE_MINUTES = 5;

    private HttpClients() {
    }

    public static OkHttpClient capped(long maxResponseBytes, Duration callTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(callTimeout)
                .callTimeout(callTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE_MINUTES, TimeUnit.MINUTES))
                .addInterceptor(new ResponseSizeCap(maxResponseBytes))
                .build();
    }

    /**
     * A capped client for requests that change nothing on the server (GETs to the hub, file store, blob store and
     * nodes; the endpoint probe's eth_chainId / eth_blockNumber): these may retry once on a pooled connection the
     * server closed while it sat idle ("unexpected end of stream"). Sync's JSON-RPC and the /infer and transaction
     * POSTs keep {@link #capped}, which never resends a request.
     */
    public static OkHttpClient cappedIdempotent(long maxResponseBytes, Duration callTimeout) {
        return capped(maxResponseBytes, callTimeout).newBuilder().retryOnConnectionFailure(true).build();
    }
}
