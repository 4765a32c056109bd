-- Why the sync stored a record without part of what it should carry (blob not fetched, model unknown, input not
-- recoverable from calldata...): one sentence per record, shown beside it and removed with it.
CREATE TABLE sync_notes (
    inference_id TEXT PRIMARY KEY REFERENCES inferences (id) ON DELETE CASCADE,
    reason       TEXT NOT NULL
);
