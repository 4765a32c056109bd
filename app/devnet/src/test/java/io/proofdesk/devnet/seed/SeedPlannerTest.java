package io.proofdesk.devnet.seed;

import io.proofdesk.domain.InferenceMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedPlannerTest {

    private static final Map<Fault, Integer> FAULT_NODES = Map.of(
            Fault.FORGED_OUTPUT, 3, Fault.SWAPPED_MODEL, 4, Fault.BAD_SIGNATURE, 5,
            Fault.STALE_ATTESTATION, 6, Fault.UNAPPROVED_PCR, 7);

    private final SeedPlanner planner = new SeedPlanner(List.of(
            new SeedPlanner.ModelChoice("a", "1.00", false, true), new SeedPlanner.ModelChoice("a", "2.00", false, true),
            new SeedPlanner.ModelChoice("b", "1.00", false, false), new SeedPlanner.ModelChoice("b", "9.99", true, false)),
            List.of(0, 1, 2), FAULT_NODES);

    @Test
    @DisplayName("the same seed plans the same records; another seed plans others")
    void deterministic() {
        assertEquals(planner.plan(500, 0.05, 7), planner.plan(500, 0.05, 7));
        assertNotEquals(planner.plan(500, 0.05, 7), planner.plan(500, 0.05, 8));
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.0, 0.05, 0.2})
    @DisplayName("the dishonest share is the requested rate, and honest records outnumber dishonest ones")
    void rate(double rate) {
        List<PlannedRecord> plan = planner.plan(2000, rate, 1);
        long dishonest = plan.stream().filter(r -> !r.honest()).count();
        assertEquals(Math.round(2000 * rate), dishonest);
        assertTrue(dishonest < 1000);
    }

    @Test
    @DisplayName("every fault kind appears, each committed where it belongs")
    void everyFaultRouted() {
        List<PlannedRecord> plan = planner.plan(2000, 0.05, 3);
        Set<Fault> seen = plan.stream().filter(r -> !r.honest()).map(PlannedRecord::fault)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Fault.class)));
        // LLM-only kinds are dealt to LLM records (--llm-records), which this network does not seed
        Set<Fault> onnxFaults = EnumSet.allOf(Fault.class);
        onnxFaults.removeIf(Fault::llmOnly);
        assertEquals(onnxFaults, seen);
        for (PlannedRecord r : plan) {
            if (r.honest()) {
                assertTrue(r.nodeIndex() <= 2, "honest record on a dishonest node: " + r);
                assertNotEquals("9.99", r.version(), "honest record on the tampered model: " + r);
            } else {
                assertEquals(InferenceMode.TEE, r.mode());
                if (FAULT_NODES.containsKey(r.fault())) {
                    assertEquals(FAULT_NODES.get(r.fault()), r.nodeIndex());
                }
                if (r.fault() == Fault.MERKLE_MISSING) {
                    assertEquals(Settlement.BATCH, r.settlement());
                }
                if (r.fault() == Fault.MODEL_CID_MISMATCH) {
                    assertEquals("9.99", r.version());
                }
                if (r.fault() == Fault.SWAPPED_MODEL) {
                    assertEquals("a", r.model(), "only a model with another version can be swapped");
                }
            }
        }
    }

    @Test
    @DisplayName("all three modes and all three settlement kinds appear in a normal history")
    void mix() {
        List<PlannedRecord> plan = planner.plan(1000, 0.05, 11);
        assertEquals(EnumSet.allOf(InferenceMode.class), plan.stream().map(PlannedRecord::mode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InferenceMode.class))));
        assertEquals(EnumSet.allOf(Settlement.class), plan.stream().map(PlannedRecord::settlement)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Settlement.class))));
    }

    @Test
    @DisplayName("impossible requests are refused with a sentence")
    void badRequests() {
        assertThrows(IllegalArgumentException.class, () -> planner.plan(-1, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> planner.plan(10, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> planner.plan(10, Double.NaN, 1));
    }
}
