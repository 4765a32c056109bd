-- Proofdesk store, schema 1. Every time column is epoch milliseconds (on-chain unix seconds * 1000).
-- Hashes and addresses are 0x-prefixed lower-case hex text, so they compare and prefix-search as written.

-- Free-form facts about the store itself (e.g. the chain id and genesis hash it was synced from).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE endpoints (
    kind            TEXT NOT NULL CHECK (kind IN ('RPC', 'HUB', 'FILE_STORE', 'BLOB_STORE', 'NODE')),
    url             TEXT NOT NULL,
    chain_id        INTEGER,
    last_latency_ms INTEGER,
    last_error      TEXT,
    last_seen       INTEGER,
    PRIMARY KEY (kind, url)
);

CREATE TABLE sync_checkpoints (
    source          TEXT PRIMARY KEY,
    last_block      INTEGER NOT NULL CHECK (last_block >= 0),
    last_block_hash TEXT,
    updated_at      INTEGER NOT NULL
);

-- The last N blocks the sync saw; on a hash mismatch the sync walks back to the common ancestor.
CREATE TABLE block_hashes (
    number      INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL,
    parent_hash TEXT,
    timestamp   INTEGER
);

CREATE TABLE tees (
    tee_id                 TEXT PRIMARY KEY,
    owner                  TEXT NOT NULL,
    payment_address        TEXT,
    endpoint               TEXT,
    public_key             BLOB NOT NULL,
    tls_cert               BLOB NOT NULL,
    pcr_hash               TEXT,
    tee_type               INTEGER NOT NULL,
    enabled                INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    registered_at          INTEGER,
    last_heartbeat         INTEGER
);
CREATE INDEX tees_owner ON tees (owner);
CREATE INDEX tees_pcr ON tees (pcr_hash);
CREATE INDEX tees_type_enabled ON tees (tee_type, enabled);
CREATE INDEX tees_endpoint ON tees (endpoint);

-- History of the registry: a TEE's status at block B is the fold of its events up to B.
CREATE TABLE tee_events (
    block_number      INTEGER NOT NULL,
    log_index         INTEGER NOT NULL,
    tx_hash           TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('REGISTERED', 'ENABLED', 'DISABLED', 'HEARTBEAT',
                                                    'PCR_APPROVED', 'PCR_REVOKED')),
    tee_id            TEXT,
    pcr_hash          TEXT,
    tee_type          INTEGER,
    pcr_version       TEXT,
    timestamp         INTEGER,
    PRIMARY KEY (block_number, log_index),
    CHECK (tee_id IS NOT NULL OR pcr_hash IS NOT NULL)
);
CREATE INDEX tee_events_tee ON tee_events (tee_id, block_number, log_index);
CREATE INDEX tee_events_pcr ON tee_events (pcr_hash, block_number, log_index);
CREATE INDEX tee_events_kind ON tee_events (kind, block_number, log_index);

-- One row per approval period of a PCR set; re-approval after a revocation adds a row.
CREATE TABLE pcr_approvals (
    pcr_hash       TEXT NOT NULL,
    tee_type       INTEGER NOT NULL,
    version        TEXT,
    approved_block INTEGER NOT NULL,
    revoked_block  INTEGER,
    PRIMARY KEY (pcr_hash, approved_block),
    CHECK (revoked_block IS NULL OR revoked_block >= approved_block)
);
CREATE INDEX pcr_approvals_type ON pcr_approvals (tee_type, approved_block);

CREATE TABLE models (
    name             TEXT PRIMARY KEY,
    owner            TEXT,
    description      TEXT,
    created_at       INTEGER,
    registered_block INTEGER
);
CREATE INDEX models_owner ON models (owner);

CREATE TABLE model_versions (
    model_name       TEXT NOT NULL REFERENCES models (name) ON DELETE CASCADE,
    version          TEXT NOT NULL,
    cid              TEXT,
    created_at       INTEGER,
    registered_block INTEGER,
    notes            TEXT,
    PRIMARY KEY (model_name, version)
);
CREATE INDEX model_versions_cid ON model_versions (cid);

CREATE TABLE model_files (
    model_name       TEXT NOT NULL,
    version          TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    cid              TEXT NOT NULL,
    sha256           TEXT,
    size_bytes       INTEGER NOT NULL CHECK (size_bytes >= 0),
    input_signature  TEXT,
    output_signature TEXT,
    registered_block INTEGER,
    PRIMARY KEY (model_name, version, file_name),
    FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE
);
CREATE INDEX model_files_cid ON model_files (cid);
CREATE INDEX model_files_sha256 ON model_files (sha256);

-- id is the RecordId text form <txHash>:<logIndex>[#leaf]. leaf_index is -1 for records that are not batch
-- leaves (not NULL) so the (block_number, log_index, leaf_index) key orders and compares without NULL cases.
-- verdict/verdict_at denormalise the latest row of verdicts, written in the same transaction.
CREATE TABLE inferences (
    id            TEXT PRIMARY KEY,
    mode          TEXT NOT NULL CHECK (mode IN ('VANILLA', 'ZKML', 'TEE')),
    model         TEXT NOT NULL,
    model_version TEXT,
    tee_id        TEXT,
    node_url      TEXT,
    settlement    TEXT NOT NULL CHECK (settlement IN ('INDIVIDUAL', 'BATCH', 'ONCHAIN')),
    tx_hash       TEXT NOT NULL,
    block_number  INTEGER NOT NULL CHECK (block_number >= 0),
    log_index     INTEGER NOT NULL CHECK (log_index >= 0),
    leaf_index    INTEGER NOT NULL CHECK (leaf_index >= -1),
    timestamp     INTEGER NOT NULL,
    eth_address   TEXT,
    input_hash    TEXT,
    output_hash   TEXT,
    signature     BLOB NOT NULL,
    blob_id       TEXT,
    merkle_root   TEXT,
    merkle_proof  TEXT NOT NULL,
    verdict       TEXT CHECK (verdict IS NULL OR verdict IN ('VERIFIED', 'MISMATCH', 'UNVERIFIED', 'ERROR')),
    verdict_at    INTEGER
);
-- Every filter index ends in the chain order key so a filtered page is one index range walk, already sorted.
CREATE UNIQUE INDEX inferences_chain_order ON inferences (block_number, log_index, leaf_index);
CREATE INDEX inferences_time ON inferences (timestamp, block_number, log_index, leaf_index);
CREATE INDEX inferences_model ON inferences (model, block_number, log_index, leaf_index);
CREATE INDEX inferences_model_version ON inferences (model, model_version, block_number, log_index, leaf_index);
CREATE INDEX inferences_tee ON inferences (tee_id, block_number, log_index, leaf_index);
CREATE INDEX inferences_node ON inferences (node_url, block_number, log_index, leaf_index);
CREATE INDEX inferences_mode ON inferences (mode, block_number, log_index, leaf_index);
CREATE INDEX inferences_settlement ON inferences (settlement, block_number, log_index, leaf_index);
CREATE INDEX inferences_verdict ON inferences (verdict, block_number, log_index, leaf_index);
CREATE INDEX inferences_blob ON inferences (blob_id) WHERE blob_id IS NOT NULL;
CREATE INDEX inferences_merkle_root ON inferences (merkle_root) WHERE merkle_root IS NOT NULL;

CREATE TABLE tensors (
    inference_id TEXT NOT NULL REFERENCES inferences (id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
    position     INTEGER NOT NULL CHECK (position >= 0),
    name         TEXT NOT NULL,
    dtype        TEXT NOT NULL,
    shape        TEXT NOT NULL,
    data         BLOB NOT NULL,
    strings      TEXT,
    PRIMARY KEY (inference_id, direction, position)
);

-- Raw blob-store payloads (size-capped), shared by every leaf of a batch.
CREATE TABLE blobs (
    blob_id    TEXT PRIMARY KEY,
    data       BLOB NOT NULL,
    fetched_at INTEGER NOT NULL
);

CREATE TABLE verdicts (
    id           INTEGER PRIMARY KEY,
    inference_id TEXT NOT NULL REFERENCES inferences (id) ON DELETE CASCADE,
    verdict      TEXT NOT NULL CHECK (verdict IN ('VERIFIED', 'MISMATCH', 'UNVERIFIED', 'ERROR')),
    reason       TEXT,
    checked_at   INTEGER NOT NULL,
    environment  TEXT NOT NULL
);
CREATE INDEX verdicts_inference ON verdicts (inference_id, checked_at, id);

CREATE TABLE check_results (
    verdict_id   INTEGER NOT NULL REFERENCES verdicts (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    inference_id TEXT NOT NULL REFERENCES inferences (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('PASS', 'FAIL', 'UNVERIFIED', 'ERROR')),
    reason       TEXT,
    details      TEXT NOT NULL,
    PRIMARY KEY (verdict_id, position)
);
CREATE INDEX check_results_inference ON check_results (inference_id);
CREATE INDEX check_results_name_status ON check_results (name, status);

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    record_count INTEGER NOT NULL CHECK (record_count >= 0),
    format       TEXT NOT NULL
);
CREATE INDEX reports_created ON reports (created_at);
