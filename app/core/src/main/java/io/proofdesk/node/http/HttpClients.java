package io.proofdesk.node.http;

import okhttp3.OkHttpClient;

import java.time.Duration;

/**
 * The one way Proofdesk builds HTTP clients: every client has connect/read/call timeouts and a response size cap,
 * and follows no redirects to other hosts silently (redirects are off: an endpoint is what the user configured).
 */
public final class HttpClients {

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
                .addInterceptor(new ResponseSizeCap(maxResponseBytes))
                .build();
    }

    /**
     * A capped client for GET-only endpoints (hub, file store, blob store, node health): these may retry once on a
     * pooled connection the server closed while it sat idle ("unexpected end of stream"), which is safe because a GET
     * changes nothing. JSON-RPC and /infer POSTs keep {@link #capped}, which never resends a request.
     */
    public static OkHttpClient cappedGets(long maxResponseBytes, Duration callTimeout) {
        return capped(maxResponseBytes, callTimeout).newBuilder().retryOnConnectionFailure(true).build();
    }
}
