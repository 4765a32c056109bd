package io.proofdesk.node;

import io.proofdesk.node.http.CappedGet;
import io.proofdesk.node.http.HttpClients;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/** IPFS-gateway-style file store: {@code GET {base}/ipfs/{cid}}, answers capped (model files up to 512 MiB). */
public final class FileStoreClient {

    public static final long MAX_MODEL_BYTES = 512L << 20;
    private static final Pattern CID = Pattern.compile("[A-Za-z0-9]{10,100}");

    private final HttpUrl base;
    private final CappedGet get;

    public FileStoreClient(String baseUrl) {
        this(baseUrl, MAX_MODEL_BYTES, Duration.ofSeconds(120));
    }

    public FileStoreClient(String baseUrl, long maxBytes, Duration timeout) {
        this.base = CappedGet.base(baseUrl, "file store URL");
        this.get = new CappedGet(HttpClients.cappedIdempotent(maxBytes, timeout));
    }

    /** The bytes the store serves for {@code cid}; never trusted: callers check them against the CID. */
    public byte[] fetch(String cid) throws IOException {
        if (cid == null || !CID.matcher(cid).matches()) {
            throw new IllegalArgumentException("not a CID: " + cid);
        }
        return get.bytes(base.newBuilder().addPathSegment("ipfs").addPathSegment(cid).build());
    }
}
