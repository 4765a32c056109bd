package io.proofdesk.chain.sync;

import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.http.ResponseTooLargeException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Fetches settled records' blobs ({@code GET <blobStore>/v1/blobs/<id>}) a few at a time on a small fixed pool, each
 * through a size-capped client. A blob that cannot be had is a {@link BlobFetch.Failed} with the reason, so the sync
 * can store the record without its tensors and say why; it never stops the sync.
 */
public final class SyncBlobReader implements AutoCloseable {

    /** Walrus ids are unpadded base64url; anything else could smuggle a path. */
    private static final Pattern BLOB_ID = Pattern.compile("[A-Za-z0-9_=-]{1,200}");

    private final HttpUrl base;
    private final OkHttpClient client;
    private final ExecutorService pool;
    private final EndpointStats stats = new EndpointStats();

    public SyncBlobReader(String blobStoreUrl, OkHttpClient client, int concurrency) {
        this.base = blobStoreUrl == null ? null : HttpUrl.parse(blobStoreUrl);
        if (blobStoreUrl != null && base == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + blobStoreUrl);
        }
        this.client = client;
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "proofdesk-blob-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    public static SyncBlobReader open(String blobStoreUrl, SyncLimits limits) {
        return new SyncBlobReader(blobStoreUrl, HttpClients.cappedIdempotent(limits.maxBlobBytes(), limits.blobTimeout()),
                limits.blobConcurrency());
    }

    public String url() {
        return base == null ? null : base.toString();
    }

    public EndpointStats stats() {
        return stats;
    }

    public static boolean isBlobId(String id) {
        return id != null && BLOB_ID.matcher(id).matches();
    }

    /** Fetches every distinct id; the answer holds one entry per id, in the order first given. */
    public Map<String, BlobFetch> fetchAll(Collection<String> ids) {
        return start(ids).await();
    }

    /**
     * Starts fetching every distinct id on the pool and returns at once, so the caller can decode logs and calldata
     * while the blobs arrive; {@link Pending#await} collects them, {@link Pending#cancel} abandons them.
     */
    public Pending start(Collection<String> ids) {
        return start(ids, new LinkedHashMap<>(), new ArrayList<>());
    }

    private Pending start(Collection<String> ids, Map<String, CompletableFuture<BlobFetch>> results,
                          List<Future<?>> tasks) {
        for (String id : new LinkedHashSet<>(ids)) {
            if (results.containsKey(id)) {
                continue;
            }
            CompletableFuture<BlobFetch> result = new CompletableFuture<>();
            results.put(id, result);
            tasks.add(pool.submit(() -> {
                try {
                    result.complete(fetch(id));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }));
        }
        return new Pending(results, tasks);
    }

    /** Blob fetches under way. */
    public final class Pending {
        private final Map<String, CompletableFuture<BlobFetch>> results;
        private final List<Future<?>> tasks;

        private Pending(Map<String, CompletableFuture<BlobFetch>> results, List<Future<?>> tasks) {
            this.results = results;
            this.tasks = tasks;
        }

        /** The fetch of one id given to {@link #start}, to process the blob as soon as it is here. */
        public CompletableFuture<BlobFetch> fetchOf(String id) {
            CompletableFuture<BlobFetch> f = results.get(id);
            if (f == null) {
                throw new IllegalArgumentException("blob " + id + " was not asked for");
            }
            return f;
        }

        /**
         * These fetches and those of the ids not among them, started now (blobs named by logs that were not known
         * when the first fetches started). This object then stands for the first ones only.
         */
        public Pending with(Collection<String> more) {
            return start(more, new LinkedHashMap<>(results), new ArrayList<>(tasks));
        }

        /** Waits for every fetch; one entry per id, in the order first given. */
        public Map<String, BlobFetch> await() {
            Map<String, BlobFetch> out = new LinkedHashMap<>();
            try {
                for (var e : results.entrySet()) {
                    out.put(e.getKey(), e.getValue().get());
                }
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                throw new SyncCancelledException(url(), "interrupted while fetching blobs", e);
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                cancel();
                throw new IllegalStateException("blob fetch failed unexpectedly", e.getCause());
            }
            return out;
        }

        /** Abandons the fetches not yet done (the chunk failed before its blobs were needed). */
        public void cancel() {
            tasks.forEach(f -> f.cancel(true));
            results.values().forEach(f -> f.cancel(false));
        }
    }

    BlobFetch fetch(String id) {
        if (base == null) {
            return new BlobFetch.Failed(id, "no blob store configured");
        }
        if (!isBlobId(id)) {
            return new BlobFetch.Failed(id, "the settled walrusBlobId is not a blob id");
        }
        HttpUrl url = base.newBuilder().addPathSegments("v1/blobs").addPathSegment(id).build();
        long start = System.nanoTime();
        try (Response r = client.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = r.body();
            if (!r.isSuccessful() || body == null) {
                stats.failed("HTTP " + r.code());
                return new BlobFetch.Failed(id, "blob store " + base + " answered HTTP " + r.code() + " for blob " + id);
            }
            byte[] bytes = body.bytes();
            stats.succeeded((System.nanoTime() - start) / 1_000_000);
            return new BlobFetch.Fetched(id, bytes);
        } catch (ResponseTooLargeException e) {
            stats.failed("too large");
            return new BlobFetch.Failed(id, "blob " + id + " is larger than " + e.limit() + " bytes");
        } catch (InterruptedIOException e) {
            stats.failed("timeout");
            return new BlobFetch.Failed(id, "blob store " + base + " did not send blob " + id + " in time");
        } catch (IOException e) {
            stats.failed(e.getMessage());
            return new BlobFetch.Failed(id, "blob store " + base + " failed for blob " + id + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
