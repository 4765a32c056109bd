package io.proofdesk.devnet.seed;

import io.proofdesk.domain.InferenceMode;

/**
 * What the seeder will make of record number {@code index}: which model, which node, which mode and settlement,
 * whether dishonest and how. Decided up front from the seed so the same seed always makes the same records.
 */
public record PlannedRecord(int index, String model, String version, int nodeIndex, InferenceMode mode,
                            Settlement settlement, Fault fault, long inputSeed) {

    public boolean honest() {
        return fault == null;
    }
}
