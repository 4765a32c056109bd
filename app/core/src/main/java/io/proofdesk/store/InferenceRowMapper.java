package io.proofdesk.store;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps an inferences row to an Inference without tensors (they live in the tensors table). */
final class InferenceRowMapper implements RowMapper<Inference> {

    static final String COLUMNS = "id, mode, model, model_version, tee_id, node_url, settlement, tx_hash, block_number, "
            + "log_index, leaf_index, timestamp, eth_address, input_hash, output_hash, signature, blob_id, merkle_root, "
            + "merkle_proof, verdict, evidence, evidence_detail";

    private final StoreJson json;

    InferenceRowMapper(StoreJson json) {
        this.json = json;
    }

    @Override
    public Inference map(ResultSet rs) throws SQLException {
        int leaf = rs.getInt("leaf_index");
        RecordId id = new RecordId(rs.getString("tx_hash"), rs.getLong("log_index"), leaf < 0 ? null : leaf);
        return new Inference(id, Sql.getEnum(rs, "mode", InferenceMode.class), rs.getString("model"),
                rs.getString("model_version"), rs.getString("tee_id"), rs.getString("node_url"),
                Sql.getEnum(rs, "settlement", SettlementKind.class), rs.getLong("block_number"),
                Instant.ofEpochMilli(rs.getLong("timestamp")), rs.getString("eth_address"), rs.getString("input_hash"),
                rs.getString("output_hash"), Sql.getBytes(rs, "signature"), rs.getString("blob_id"),
                rs.getString("merkle_root"), json.readStrings(rs.getString("merkle_proof"), "merkle proof of " + id),
                List.of(), List.of(), Sql.getEnum(rs, "verdict", Verdict.class),
                new Evidence(Sql.getEnum(rs, "evidence", EvidenceLevel.class), rs.getString("evidence_detail")));
    }
}
