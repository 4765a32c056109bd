-- Proofdesk store, schema 5: check_results_name_status is dropped. No query reads check lines by name and status
-- (they are read by verdict, or by inference for the cascade on a reorg), yet every verdict's check lines paid for
-- it: one more B-tree insert per line, and one more page in each group commit of a batch verification.

DROP INDEX check_results_name_status;
