package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.InferenceDao;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.ModelBucketCount;
import io.proofdesk.store.VerdictCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the two charts show for a query: inferences per model per time bucket, and the verdict breakdown. */
record InferenceCharts(List<ModelBucketCount> perModel, Duration bucket, VerdictCounts verdicts) {

    static final int MAX_BUCKETS = 48;

    static InferenceCharts empty() {
        return new InferenceCharts(List.of(), Duration.ofHours(1), new VerdictCounts(0, 0, 0, 0, 0));
    }

    /**
     * Runs on a background thread inside one read; the bucket width follows the time the result spans. The span is
     * read by time, not by block: a batch leaf carries its TEE's timestamp, which may be older than its block's.
     */
    static InferenceCharts compute(InferenceDao dao, InferenceQuery q) {
        List<Inference> first = dao.page(q.sortedBy(InferenceSort.TIME_ASC), null, 1).items();
        List<Inference> last = dao.page(q.sortedBy(InferenceSort.TIME_DESC), null, 1).items();
        if (first.isEmpty()) {
            return empty();
        }
        Instant a = first.getFirst().timestamp();
        Instant b = last.getFirst().timestamp();
        Duration span = a.isBefore(b) ? Duration.between(a, b) : Duration.between(b, a);
        Duration bucket = TimeBuckets.choose(span, MAX_BUCKETS);
        return new InferenceCharts(dao.countByModelAndTime(q, bucket), bucket, dao.countByVerdict(q));
    }
}
