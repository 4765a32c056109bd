-- Proofdesk store, schema 3: a filtered page sorted by time walks one index range, as a page sorted by block
-- already did. Each filter index of V1 ends in the chain order key, so it serves the block sorts; its twin here
-- puts the timestamp between the filter column and that key, so it serves the time sorts (both directions, the
-- keyset row value seeks inside it). Without them SQLite read every matching row and sorted them for each page.
-- The TEE and node indexes become partial: a TEE id or node URL filter is an equality, which implies NOT NULL,
-- and the non-TEE records that carry neither no longer take room in them.
-- Applied in one transaction like every migration; on a million-row store it rebuilds nine indexes once.

DROP INDEX inferences_tee;
DROP INDEX inferences_node;
CREATE INDEX inferences_tee ON inferences (tee_id, block_number, log_index, leaf_index) WHERE tee_id IS NOT NULL;
CREATE INDEX inferences_node ON inferences (node_url, block_number, log_index, leaf_index) WHERE node_url IS NOT NULL;

CREATE INDEX inferences_model_time ON inferences (model, timestamp, block_number, log_index, leaf_index);
CREATE INDEX inferences_model_version_time ON inferences (model, model_version, timestamp, block_number, log_index,
                                                          leaf_index);
CREATE INDEX inferences_tee_time ON inferences (tee_id, timestamp, block_number, log_index, leaf_index)
    WHERE tee_id IS NOT NULL;
CREATE INDEX inferences_node_time ON inferences (node_url, timestamp, block_number, log_index, leaf_index)
    WHERE node_url IS NOT NULL;
CREATE INDEX inferences_mode_time ON inferences (mode, timestamp, block_number, log_index, leaf_index);
CREATE INDEX inferences_settlement_time ON inferences (settlement, timestamp, block_number, log_index, leaf_index);
CREATE INDEX inferences_verdict_time ON inferences (verdict, timestamp, block_number, log_index, leaf_index);
