package io.proofdesk.store;

/** Orders of the Inferences view; every one is a total order ending in (block, log index, leaf). */
public enum InferenceSort {
    BLOCK_ASC, BLOCK_DESC, TIME_ASC, TIME_DESC;

    boolean descending() {
        return this == BLOCK_DESC || this == TIME_DESC;
    }

    boolean byTime() {
        return this == TIME_ASC || this == TIME_DESC;
    }
}
