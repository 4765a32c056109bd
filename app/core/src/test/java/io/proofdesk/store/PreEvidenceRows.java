package io.proofdesk.store;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Writes records the way Proofdesk did before schema 9 (no evidence columns): the insert of that code, byte for byte
 * in what it stored, so upgrade tests start from what an older release left on disk.
 */
final class PreEvidenceRows {

    private PreEvidenceRows() {
    }

    /** Inserts the records and their tensors inside the caller's open transaction. */
    static void insert(Connection c, StatementCache statements, List<Inference> rows) throws Exception {
        StoreJson json = new StoreJson();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inferences (id, mode, model, model_version, "
                + "tee_id, node_url, settlement, tx_hash, block_number, log_index, leaf_index, timestamp, eth_address, "
                + "input_hash, output_hash, signature, blob_id, merkle_root, merkle_proof) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Inference r : rows) {
                RecordId id = r.id();
                ps.setString(1, id.toString());
                ps.setString(2, r.mode().name());
                ps.setString(3, r.model());
                ps.setString(4, r.modelVersion());
                ps.setString(5, r.teeId());
                ps.setString(6, r.nodeUrl());
                ps.setString(7, r.settlement().name());
                ps.setString(8, id.txHash());
                ps.setLong(9, r.blockNumber());
                ps.setLong(10, id.logIndex());
                ps.setInt(11, id.leafIndex() == null ? -1 : id.leafIndex());
                ps.setLong(12, r.timestamp().toEpochMilli());
                ps.setString(13, r.ethAddress());
                ps.setString(14, r.inputHash());
                ps.setString(15, r.outputHash());
                ps.setBytes(16, r.signature().toArray());
                ps.setString(17, r.blobId());
                ps.setString(18, r.merkleRoot());
                ps.setString(19, json.write(r.merkleProof()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        new TensorDao(statements, json).insertFor(rows);
    }
}
