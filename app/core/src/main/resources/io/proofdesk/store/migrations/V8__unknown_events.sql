-- Proofdesk store, schema 8: logs of a watched contract whose event version (topic0) Proofdesk does not know, kept
-- raw (topics as a JSON array of 0x-hex strings, data as 0x-hex) so they are shown as "unknown event version" and
-- never silently dropped. Keyed by their place on the chain; a reorg deletes them with the blocks they came from.
CREATE TABLE unknown_events (
    block_number INTEGER NOT NULL,
    log_index    INTEGER NOT NULL,
    tx_hash      TEXT NOT NULL,
    address      TEXT NOT NULL,
    topics       TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (block_number, log_index)
);
