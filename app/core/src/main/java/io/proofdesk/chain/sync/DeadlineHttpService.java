package io.proofdesk.chain.sync;

import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * web3j's HTTP transport with one deadline per JSON-RPC call that covers the whole answer: connecting, sending,
 * waiting and reading every byte of the body. okhttp's read timeout alone restarts with every byte, so an endpoint
 * that drips its answer never trips it; the call timeout does not. The deadline of the call on this thread is set with
 * {@link #within}; outside it the client's own call timeout applies.
 */
final class DeadlineHttpService extends HttpService {

    private final OkHttpClient client;
    private final ThreadLocal<Duration> deadline = new ThreadLocal<>();

    DeadlineHttpService(String url, OkHttpClient client) {
        super(url, client);
        this.client = client;
    }

    interface IoCall<T> {
        T call() throws IOException;
    }

    /** Runs {@code call} (one web3j send, single or batch) with {@code limit} as the deadline of its whole answer. */
    <T> T within(Duration limit, IoCall<T> call) throws IOException {
        Duration before = deadline.get();
        deadline.set(limit);
        try {
            return call.call();
        } finally {
            if (before == null) {
                deadline.remove();
            } else {
                deadline.set(before);
            }
        }
    }

    /** As HttpService's, with the deadline set on the call before it starts. */
    @Override
    protected InputStream performIO(String payload) throws IOException {
        Request request = new Request.Builder().url(getUrl()).headers(Headers.of(getHeaders()))
                .post(RequestBody.create(payload, JSON_MEDIA_TYPE)).build();
        Call call = client.newCall(request);
        Duration limit = deadline.get();
        if (limit != null) {
            call.timeout().timeout(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
        }
        Response response = call.execute();
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null) {
            try (response) {
                if (body == null) {
                    return null;
                }
                throw new ClientConnectionException("Invalid response received: " + response.code() + "; "
                        + body.string());
            }
        }
        // web3j parses the answer as it arrives (a batch of full blocks is megabytes: parsing overlaps the transfer)
        // and closes the stream when done, which ends the call; the deadline still covers every byte
        return new FilterInputStream(body.byteStream()) {
            @Override
            public void close() {
                response.close();
            }
        };
    }
}
