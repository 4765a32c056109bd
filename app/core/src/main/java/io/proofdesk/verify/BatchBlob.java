package io.proofdesk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.MerkleTreeFormatException;
import io.proofdesk.attest.StandardMerkleTree;

import java.io.IOException;
import java.util.Optional;

/**
 * A batch settlement's blob: the OpenZeppelin StandardMerkleTree dump ({@code "format": "standard-v1"}) whose
 * root was settled. A demo blob also carries {@code "records"}: every record of the batch as a settled-record blob,
 * in record-id order ({@code #i}); without it a batch publishes only hashes and its contents cannot be re-checked.
 */
public record BatchBlob(StandardMerkleTree tree, JsonNode records) {

    public static BatchBlob parse(byte[] bytes) throws SettledBlob.BlobFormatException {
        StandardMerkleTree tree;
        try {
            tree = StandardMerkleTree.load(bytes);
        } catch (MerkleTreeFormatException e) {
            throw new SettledBlob.BlobFormatException("not a valid Merkle tree dump: " + e.getMessage());
        }
        JsonNode records = null;
        try {
            JsonNode root = SettledBlob.JSON.readTree(bytes);
            JsonNode r = root.get("records");
            if (r != null && !r.isNull()) {
                if (!r.isArray() || r.size() < tree.size()) {
                    throw new SettledBlob.BlobFormatException("\"records\" must be an array with at least one entry per leaf");
                }
                records = r;
            }
        } catch (IOException e) {
            throw new SettledBlob.BlobFormatException("not JSON: " + SettledBlob.firstLine(e.getMessage()));
        }
        return new BatchBlob(tree, records);
    }

    /** The published entry of leaf {@code index} as JSON, if the blob carries it. */
    public Optional<JsonNode> entry(int index) {
        if (records == null || index < 0 || index >= records.size()) {
            return Optional.empty();
        }
        return Optional.of(records.get(index));
    }

    /** The published content of leaf {@code index}, if the blob carries it. */
    public Optional<SettledBlob> record(int index) throws SettledBlob.BlobFormatException {
        if (records == null || index < 0 || index >= records.size()) {
            return Optional.empty();
        }
        return Optional.of(SettledBlob.of(records.get(index)));
    }
}
