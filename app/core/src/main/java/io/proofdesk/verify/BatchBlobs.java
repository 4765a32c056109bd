package io.proofdesk.verify;

import io.proofdesk.domain.CheckStatus;
import io.proofdesk.verify.SettledBlob.BlobFormatException;

import java.util.function.Supplier;

/**
 * The batch blobs of one verification run, fetched and parsed once per blob id and shared by the batch's leaves:
 * a batch settles dozens to thousands of records, and each leaf's checks read the same tree dump. Bounded in memory
 * (least recently used go first and are fetched again if asked for again); a blob whose source failed is not kept,
 * so the next leaf asks again. A blob that is absent or not a tree dump is the store's answer and is kept.
 */
public final class BatchBlobs {

    /** Raw bytes of the blobs held at once: at least two of the largest blob the blob store client accepts. */
    static final long BUDGET_BYTES = 32L << 20;

    private record Held(Fetched<BatchBlob> blob, long bytes) {
    }

    private final RecentAnswers<String, Held> held;

    public BatchBlobs() {
        this(BUDGET_BYTES);
    }

    BatchBlobs(long budgetBytes) {
        this.held = new RecentAnswers<>(budgetBytes, Held::bytes,
                h -> !(h.blob() instanceof Fetched.Failed<BatchBlob> f && f.status() == CheckStatus.ERROR));
    }

    /** The parsed batch blob {@code blobId}; {@code bytes} fetches it if no leaf of this run has yet. */
    public Fetched<BatchBlob> get(String blobId, Supplier<Fetched<byte[]>> bytes) {
        return held.get(blobId, () -> {
            Fetched<byte[]> raw = bytes.get();
            long size = raw instanceof Fetched.Ok<byte[]> ok ? ok.value().length : 0;
            return new Held(raw.map(b -> parse(blobId, b)), size);
        }).blob();
    }

    /** Batch blobs held now (for tests). */
    int size() {
        return held.size();
    }

    static Fetched<BatchBlob> parse(String blobId, byte[] bytes) {
        try {
            return Fetched.ok(BatchBlob.parse(bytes));
        } catch (BlobFormatException e) {
            return Fetched.failed(CheckStatus.FAIL, "batch blob " + blobId + ": " + e.getMessage());
        }
    }
}
