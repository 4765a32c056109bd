-- Proofdesk store, schema 9: each record's chain evidence (docs/CHAIN-EVIDENCE.md): PROVED (receipt proved against
-- a header linked to a trusted checkpoint), AGREED (K of N sources gave the same data) or TRUSTED (one source's
-- word), and the sentence saying what backs it. Records already stored were synced from one endpoint without
-- proofs, so they are TRUSTED, and their detail says so; the column default states exactly that, which costs no
-- rewrite of the table (an UPDATE of every row took 29 s on a million records, a 1.3 GB store, 2 busy cores).
-- Every insert names both columns. SQLite tests the CHECK against every existing row as the column is added
-- (3.5-6.6 s there), and the index took 0.9-4.4 s.
ALTER TABLE inferences ADD COLUMN evidence TEXT NOT NULL DEFAULT 'TRUSTED'
    CHECK (evidence IN ('PROVED', 'AGREED', 'TRUSTED'));
ALTER TABLE inferences ADD COLUMN evidence_detail TEXT NOT NULL
    DEFAULT 'synced before evidence levels: one endpoint, not proved';
-- The evidence filter, ending in the chain order key like every filter index: a page of the rare TRUSTED records
-- among proved ones is one index range walk, and its count never reads the table.
CREATE INDEX inferences_evidence ON inferences (evidence, block_number, log_index, leaf_index);
