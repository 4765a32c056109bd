package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.node.http.NotServedException;
import io.proofdesk.verify.AttestationSource;
import io.proofdesk.verify.BlobSource;
import io.proofdesk.verify.ChainReader;
import io.proofdesk.verify.ModelSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification engine's sources answered from a bundle's content alone — the offline verifier has no other
 * source, so it cannot reach a network. Something the bundle lacks is "not published" (UNVERIFIED), as a 404 would be.
 */
final class BundleSources {

    private final BundleContents bundle;
    private final BundleReader reader;
    private final String blobId;
    private final String modelCid;

    BundleSources(BundleContents bundle, BundleReader reader, String blobId, String modelCid) {
        this.bundle = bundle;
        this.reader = reader;
        this.blobId = blobId;
        this.modelCid = modelCid;
    }

    BlobSource blobs() {
        return id -> entry(BundleLayout.BLOB, id.equals(blobId));
    }

    ModelSource models() {
        return cid -> entry(BundleLayout.MODEL, cid.equals(modelCid));
    }

    AttestationSource attestations() {
        return (node, nonce) -> entry(BundleLayout.ATTESTATION, true);
    }

    ChainReader chain() {
        return new ChainReader() {
            @Override
            public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
                Optional<byte[]> b = bundle.entry(BundleLayout.RECEIPT);
                if (b.isEmpty()) {
                    return Optional.empty();
                }
                ReceiptFacts r = parseReceipt(reader.json.readTree(b.get()));
                return r.txHash().equalsIgnoreCase(txHash) ? Optional.of(r) : Optional.empty();
            }

            @Override
            public Optional<String> blockHash(long number) throws IOException {
                Optional<byte[]> b = bundle.entry(BundleLayout.BLOCK);
                if (b.isEmpty()) {
                    return Optional.empty();
                }
                JsonNode block = reader.json.readTree(b.get());
                return quantity(block, "number") == number ? Optional.of(text(block, "hash")) : Optional.empty();
            }
        };
    }

    private byte[] entry(String path, boolean matches) throws IOException {
        Optional<byte[]> b = bundle.entry(path);
        if (b.isEmpty() || !matches) {
            throw new NotServedException("bundle entry " + path);
        }
        return b.get();
    }

    /** A receipt in the JSON-RPC shape; a malformed one is an IOException (the record line then says ERROR). */
    static ReceiptFacts parseReceipt(JsonNode n) throws IOException {
        try {
            List<LogFacts> logs = new ArrayList<>();
            JsonNode array = n.get("logs");
            if (array == null || !array.isArray()) {
                throw new IOException("the receipt has no logs array");
            }
            for (JsonNode l : array) {
                List<String> topics = new ArrayList<>();
                l.get("topics").forEach(t -> topics.add(t.textValue().toLowerCase(Locale.ROOT)));
                logs.add(new LogFacts(quantity(l, "logIndex"), text(l, "address"), topics, text(l, "data")));
            }
            return new ReceiptFacts(text(n, "transactionHash"), quantity(n, "blockNumber"), text(n, "blockHash"),
                    "0x1".equals(text(n, "status")), logs);
        } catch (RuntimeException e) {
            throw new IOException("the bundled receipt is malformed: " + e.getMessage(), e);
        }
    }

    private static long quantity(JsonNode n, String field) throws IOException {
        String s = text(n, field);
        if (!s.matches("0x[0-9a-fA-F]{1,15}")) {
            throw new IOException("\"" + field + "\" is not a hex quantity: " + s);
        }
        return Long.parseLong(s.substring(2), 16);
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("\"" + field + "\" is missing or not text");
        }
        return v.textValue().toLowerCase(Locale.ROOT);
    }
}
