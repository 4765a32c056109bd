package io.proofdesk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.AdaptiveChunker;
import io.proofdesk.chain.BlockRange;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * The sync benchmark's logs-only baseline: the same {@code eth_getLogs} queries (addresses, topics, adaptive chunks)
 * over plain okhttp, counting the log objects in each answer with a streaming parser — no decoding, no headers,
 * transactions or blobs, no store. A sync that stores decoded tensors must also fetch the calldata and blobs they come
 * from, so this is a floor no such sync can reach; {@link BareSyncFetch} is the baseline that fetches the same data.
 */
final class BareLogFetch {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60))
            .readTimeout(Duration.ofSeconds(60)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private int id;

    /** The log objects and bytes of one {@code eth_getLogs} answer. */
    record Answer(int logs, long bytes) {
    }

    /** Fetches every matching log of blocks 0..head; returns the number of logs. */
    long fetchAll(String rpcUrl, List<String> addresses, List<String> topics, long head) throws IOException {
        AdaptiveChunker chunker = new AdaptiveChunker(2_000, 1, 50_000, 2_000);
        long next = 0;
        long total = 0;
        while (next <= head) {
            BlockRange r = chunker.next(next, head);
            int n = fetchRange(client, rpcUrl, addresses, topics, r).logs();
            total += n;
            chunker.succeeded(r, n);
            next = r.to() + 1;
        }
        return total;
    }

    /** One {@code eth_getLogs} of {@code r}, its log objects counted by a streaming parser. */
    Answer fetchRange(OkHttpClient http, String rpcUrl, List<String> addresses, List<String> topics, BlockRange r)
            throws IOException {
        ObjectNode req = json.createObjectNode().put("jsonrpc", "2.0").put("id", ++id).put("method", "eth_getLogs");
        ObjectNode filter = req.putArray("params").addObject();
        filter.put("fromBlock", "0x" + Long.toHexString(r.from())).put("toBlock", "0x" + Long.toHexString(r.to()));
        addresses.forEach(filter.putArray("address")::add);
        // no topics: every event of the addresses, as the sync asks when it watches an inference contract
        if (!topics.isEmpty()) {
            var t0 = filter.putArray("topics").addArray();
            topics.forEach(t0::add);
        }
        try (Response resp = http.newCall(new Request.Builder().url(rpcUrl)
                .post(RequestBody.create(json.writeValueAsBytes(req), JSON)).build()).execute()) {
            CountingStream in = new CountingStream(resp.body().byteStream());
            int n = countLogs(in);
            BareSyncFetch.drain(in);
            return new Answer(n, in.count);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    private int countLogs(InputStream in) throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            int depth = 0;
            int logs = 0;
            boolean inResult = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && depth == 1 && "result".equals(p.currentName())) {
                    inResult = true;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (inResult && depth == 3 && t == JsonToken.START_OBJECT) {
                        logs++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            return logs;
        }
    }
}
