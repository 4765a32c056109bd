package io.proofdesk.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptProofBenchmarkTest {

    @Test
    void reportsEachRunAndTheMedianAgainstTheGoal() {
        List<ReceiptProofBenchmark.Run> runs = new ArrayList<>();
        BenchResult r = new ReceiptProofBenchmark(3, 20, 2, 5).run(3, runs::add);
        assertEquals(3, runs.size());
        double median = runs.stream().mapToDouble(ReceiptProofBenchmark.Run::perCoreSecond).sorted().toArray()[1];
        assertEquals(median / 5000, r.ratio(), 1e-9);
        assertTrue(r.line().matches("RESULT proofs ratio=\\S+ receipts_per_core_s=\\S+ goal_receipts_per_core_s=5000 "
                + "receipts_per_wall_s=\\S+ run1=\\S+ run2=\\S+ run3=\\S+ runs=3 receipts=60 receipts_per_block=20 "
                + "logs_per_receipt=2 cores=1"), r.line());
    }
}
