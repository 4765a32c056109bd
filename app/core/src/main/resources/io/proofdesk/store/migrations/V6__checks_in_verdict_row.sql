-- Proofdesk store, schema 6: a verdict's check lines move into the verdict's own row, as one JSON array in
-- verdicts.checks ([{"name", "status", "reason", "details": {...}}, ...] in check order), and check_results goes.
-- Check lines are only ever read by verdict (the detail view, reports, the failed checks of a list row), never
-- searched on their own, yet as rows each line cost a table insert, its primary-key index, the inference_id index
-- and two foreign-key probes: 48 of the 132 us a batch verification's single writer spent per verdict (measured),
-- and every worker waits for that writer.
ALTER TABLE verdicts ADD COLUMN checks TEXT NOT NULL DEFAULT '[]';
UPDATE verdicts SET checks = (
    SELECT json_group_array(json_object('name', c.name, 'status', c.status, 'reason', c.reason,
                                        'details', json(c.details)) ORDER BY c.position)
    FROM check_results c WHERE c.verdict_id = verdicts.id);
DROP TABLE check_results;
