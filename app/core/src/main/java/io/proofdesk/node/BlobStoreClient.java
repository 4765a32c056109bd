package io.proofdesk.node;

import io.proofdesk.node.http.CappedGet;
import io.proofdesk.node.http.HttpClients;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Walrus-style blob store: {@code GET {base}/v1/blobs/{id}}, answers capped at {@link #MAX_BLOB_BYTES}. */
public final class BlobStoreClient {

    /** Same cap as the store's blobs table: a settled record's blob is kilobytes, a batch dump a few megabytes. */
    public static final int MAX_BLOB_BYTES = 16 * 1024 * 1024;
    private static final Pattern BLOB_ID = Pattern.compile("[A-Za-z0-9_=-]{1,128}");

    private final HttpUrl base;
    private final CappedGet get;

    public BlobStoreClient(String baseUrl) {
        this(baseUrl, MAX_BLOB_BYTES, Duration.ofSeconds(20));
    }

    public BlobStoreClient(String baseUrl, long maxBytes, Duration timeout) {
        this.base = CappedGet.base(baseUrl, "blob store URL");
        this.get = new CappedGet(HttpClients.cappedIdempotent(maxBytes, timeout));
    }

    public byte[] fetch(String blobId) throws IOException {
        if (blobId == null || !BLOB_ID.matcher(blobId).matches()) {
            throw new IllegalArgumentException("not a blob id: " + blobId);
        }
        return get.bytes(base.newBuilder().addPathSegments("v1/blobs").addPathSegment(blobId).build());
    }
}
