-- Proofdesk store, schema 7: a verdict names its inference by the inference's chain key (block_number, log_index,
-- leaf_index) instead of its id, and the verdicts index is keyed by it. The id is a transaction hash, random in
-- order, so every verdict a batch saved landed on an index page of its own: about 4 KB of log and checkpoint
-- writing per verdict, the largest cost of saving one (bench batch ran 45% faster on 2 threads without it). A
-- batch verifies records in chain order, so its verdicts now fill index pages one after the other.
-- The foreign key moves to the chain key (inferences_chain_order is its unique parent index, this index the
-- child's), so a verdict of an unknown inference is still refused and a reorg's delete still takes its verdicts.
-- SQLite cannot change a column's foreign key in place, hence the new table; ids and rows are kept as they were.
CREATE TABLE verdicts_v7 (
    id           INTEGER PRIMARY KEY,
    block_number INTEGER NOT NULL,
    log_index    INTEGER NOT NULL,
    leaf_index   INTEGER NOT NULL,
    verdict      TEXT NOT NULL CHECK (verdict IN ('VERIFIED', 'MISMATCH', 'UNVERIFIED', 'ERROR')),
    reason       TEXT,
    checked_at   INTEGER NOT NULL,
    environment  TEXT NOT NULL,
    checks       TEXT NOT NULL DEFAULT '[]',
    FOREIGN KEY (block_number, log_index, leaf_index)
        REFERENCES inferences (block_number, log_index, leaf_index) ON DELETE CASCADE
);
INSERT INTO verdicts_v7 (id, block_number, log_index, leaf_index, verdict, reason, checked_at, environment, checks)
    SELECT v.id, i.block_number, i.log_index, i.leaf_index, v.verdict, v.reason, v.checked_at, v.environment, v.checks
    FROM verdicts v JOIN inferences i ON i.id = v.inference_id;
DROP TABLE verdicts;
ALTER TABLE verdicts_v7 RENAME TO verdicts;
CREATE INDEX verdicts_inference ON verdicts (block_number, log_index, leaf_index, checked_at, id);
