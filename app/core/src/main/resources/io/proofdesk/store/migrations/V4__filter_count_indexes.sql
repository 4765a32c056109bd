-- Proofdesk store, schema 4: counts of combined filters read one index and no rows. The Inferences view counts
-- what its filters select before it shows a page (the table is sized by that count), and a count of, say, model +
-- mode + verdict used to seek the model index and then read every one of that model's rows for the other two
-- columns: 210 ms on a million rows. These two indexes hold every equality filter column together, so such a count
-- seeks a short range (or scans a narrow index) without touching the table. They give no order, so the page
-- queries keep using the V1/V3 indexes that do (BulkInsertPlanTest holds both).
-- Verdict comes second in the first one because a model owner's usual question is "this model, this verdict".

CREATE INDEX inferences_model_facets ON inferences (model, verdict, mode, settlement, model_version);
CREATE INDEX inferences_verdict_facets ON inferences (verdict, mode, settlement);
