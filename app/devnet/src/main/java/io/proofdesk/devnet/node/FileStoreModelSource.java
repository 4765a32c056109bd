package io.proofdesk.devnet.node;

import io.proofdesk.node.http.HttpClients;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Fetches model files from the IPFS-gateway-style file store ({@code GET /ipfs/<cid>}) once and keeps them, as a
 * node keeps what {@code ipfs get} pulled. Like the real node it does not check the bytes against the CID.
 */
public final class FileStoreModelSource implements NodeModelSource {

    private static final Pattern CID = Pattern.compile("[A-Za-z0-9]{10,100}");
    private static final long MAX_MODEL_BYTES = 256L << 20;

    private final String baseUrl;
    private final OkHttpClient http = HttpClients.cappedIdempotent(MAX_MODEL_BYTES, Duration.ofSeconds(30));
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public FileStoreModelSource(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public byte[] modelByCid(String cid) throws IOException {
        if (!CID.matcher(cid).matches()) {
            throw new IllegalArgumentException("not a CID: " + cid);
        }
        byte[] cached = cache.get(cid);
        if (cached != null) {
            return cached;
        }
        try (Response r = http.newCall(new Request.Builder().url(baseUrl + "/ipfs/" + cid).build()).execute()) {
            if (r.code() == 404) {
                throw new UnknownModelException(cid);
            }
            if (!r.isSuccessful()) {
                throw new IOException("file store answered " + r.code() + " for " + cid);
            }
            byte[] bytes = r.body().bytes();
            cache.put(cid, bytes);
            return bytes;
        }
    }
}
