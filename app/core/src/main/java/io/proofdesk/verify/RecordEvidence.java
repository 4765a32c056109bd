package io.proofdesk.verify;

import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.verify.SettledBlob.BlobFormatException;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One record's evidence for one verification: the stored facts, and the published blob fetched at most once
 * (several checks read it); a batch leaf's tree dump comes from the run's {@link BatchBlobs} when there is one, so
 * the leaves of a batch share one fetch and one parse. Not shared between threads.
 */
public final class RecordEvidence {

    private final StoredFacts facts;
    private final BlobSource blobs;
    private final BatchBlobs batches;
    private Fetched<byte[]> blob;
    private Fetched<BatchBlob> batch;

    public RecordEvidence(StoredFacts facts, BlobSource blobs) {
        this(facts, blobs, null);
    }

    /** @param batches the run's shared batch blobs, or null to fetch and parse this record's own */
    public RecordEvidence(StoredFacts facts, BlobSource blobs, BatchBlobs batches) {
        this.facts = facts;
        this.blobs = blobs;
        this.batches = batches;
    }

    public StoredFacts facts() {
        return facts;
    }

    public Inference inference() {
        return facts.inference();
    }

    public Fetched<byte[]> blobBytes() {
        if (blob == null) {
            String id = inference().blobId();
            if (id == null || id.isBlank()) {
                blob = Fetched.failed(CheckStatus.UNVERIFIED, "the record names no blob");
            } else {
                try {
                    blob = Fetched.ok(blobs.blob(id));
                } catch (BlobChangedException e) {
                    blob = Fetched.failed(CheckStatus.FAIL, "blob " + id + ": " + e.getMessage());
                } catch (IOException e) {
                    blob = Fetched.fromIo("blob " + id, e);
                } catch (RuntimeException e) {
                    blob = Fetched.failed(CheckStatus.ERROR, "blob " + id + ": " + e.getMessage());
                }
            }
        }
        return blob;
    }

    /** The batch blob (tree dump) of a batch leaf. */
    public Fetched<BatchBlob> batch() {
        if (batch == null) {
            String id = inference().blobId();
            batch = batches == null || id == null || id.isBlank()
                    ? blobBytes().map(bytes -> BatchBlobs.parse(id, bytes))
                    : batches.get(id, this::blobBytes);
        }
        return batch;
    }

    /** The record's published request and output: the individual blob, or the batch blob's entry for this leaf. */
    public Fetched<SettledBlob> content() {
        if (inference().settlement() == SettlementKind.BATCH) {
            return batch().map(b -> {
                try {
                    Optional<SettledBlob> r = b.record(inference().id().leafIndex());
                    return r.<Fetched<SettledBlob>>map(Fetched::ok).orElseGet(() -> Fetched.failed(CheckStatus.UNVERIFIED,
                            "the batch blob publishes only the leaves' hashes, not this record's input and output"));
                } catch (BlobFormatException e) {
                    return Fetched.failed(CheckStatus.FAIL, "batch blob entry " + inference().id().leafIndex() + ": "
                            + e.getMessage());
                }
            });
        }
        return blobBytes().map(bytes -> {
            try {
                return Fetched.ok(SettledBlob.parse(bytes));
            } catch (BlobFormatException e) {
                return Fetched.failed(CheckStatus.FAIL, "blob " + inference().blobId() + " is not a settled record: "
                        + e.getMessage());
            }
        });
    }

    /**
     * The record's published entry as JSON, whatever its content: the individual blob, or the batch blob's entry for
     * this leaf. LLM records read their chat from it ({@link io.proofdesk.gateway.ChatExchange}).
     */
    public Fetched<com.fasterxml.jackson.databind.JsonNode> publishedJson() {
        if (inference().settlement() == SettlementKind.BATCH) {
            return batch().map(b -> b.entry(inference().id().leafIndex())
                    .<Fetched<com.fasterxml.jackson.databind.JsonNode>>map(Fetched::ok)
                    .orElseGet(() -> Fetched.failed(CheckStatus.UNVERIFIED,
                            "the batch blob publishes only the leaves' hashes, not this record's request and response")));
        }
        return blobBytes().map(bytes -> {
            try {
                com.fasterxml.jackson.databind.JsonNode root = SettledBlob.JSON.readTree(bytes);
                return root != null && root.isObject() ? Fetched.ok(root) : Fetched.failed(CheckStatus.FAIL,
                        "blob " + inference().blobId() + " is not a JSON object");
            } catch (IOException e) {
                return Fetched.failed(CheckStatus.FAIL, "blob " + inference().blobId() + " is not JSON: "
                        + SettledBlob.firstLine(e.getMessage()));
            }
        });
    }

    /**
     * What was settled, as stored: the event's fields (individual) or the record's leaf fields (batch). For a batch
     * record the batch-inclusion check is what ties these fields to the settled root.
     */
    public Fetched<TeeSettlementLeaf> settled() {
        Inference r = inference();
        try {
            byte[] teeId = bytes32(r.teeId(), "TEE id");
            byte[] in = bytes32(r.inputHash(), "input hash");
            byte[] out = bytes32(r.outputHash(), "output hash");
            return Fetched.ok(new TeeSettlementLeaf(teeId, in, out, r.signature().toArray(),
                    BigInteger.valueOf(r.timestamp().getEpochSecond())));
        } catch (IllegalArgumentException e) {
            return Fetched.failed(CheckStatus.UNVERIFIED, "the stored record is incomplete: " + e.getMessage());
        }
    }

    static byte[] bytes32(String hex, String what) {
        if (hex == null) {
            throw new IllegalArgumentException("no " + what);
        }
        byte[] b;
        try {
            b = Numeric.hexStringToByteArray(hex);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not hex: " + hex);
        }
        if (b.length != 32) {
            throw new IllegalArgumentException(what + " is not 32 bytes: " + hex);
        }
        return b;
    }
}
