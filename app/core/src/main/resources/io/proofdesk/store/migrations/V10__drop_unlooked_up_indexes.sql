-- Proofdesk store, schema 10: inferences_blob and inferences_merkle_root are dropped. No query looks records up by
-- blob id or Merkle root (a record's blob is read by its id from the blobs table, a batch's root is only shown), yet
-- every settled record's insert paid for an entry in one or both: 2 of the 22 B-trees each synced row updated.
DROP INDEX inferences_blob;
DROP INDEX inferences_merkle_root;
