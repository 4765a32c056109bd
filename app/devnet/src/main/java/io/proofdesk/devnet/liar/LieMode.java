package io.proofdesk.devnet.liar;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways the demo network's lying JSON-RPC endpoint lies; {@link #key()} is the CLI's and devnet.json's name. */
public enum LieMode {
    /** Drops every third inference/settlement log (log index 2 mod 3) from logs and receipts alike. */
    OMIT("omit"),
    /**
     * Drops the logs {@link #OMIT} drops, and every watched log of even-numbered blocks, from eth_getLogs only;
     * receipts and headers stay honest, so the proved receipts still hold what was left out (a block that yielded no
     * log is found by its header's bloom) and a proving sync recovers it.
     */
    OMIT_LOGS("omit-logs"),
    /** Serves every log twice, in logs and receipts alike. */
    DUPLICATE("duplicate"),
    /** Copies a real settlement or inference log under a transaction that does not exist, log index 999. */
    PHANTOM("phantom"),
    /** Changes one byte of the calldata of every inference transaction (the first record's mode). */
    ALTER_CALLDATA("alter-calldata"),
    /** Changes one byte of the data of every third settlement/inference log, in logs and receipts alike. */
    ALTER_RECEIPT("alter-receipt"),
    /** Changes block headers (receiptsRoot; a log-bearing block's logsBloom emptied) but keeps their hash. */
    FORGED_HEADER("forged-header"),
    /** Serves a chain of its own from a height on: other block hashes, linked to one another by parent hash. */
    FORK("fork"),
    /** Answers eth_getLogs one byte at a time, a second apart. */
    SLOW_DRIP("slow-drip");

    private final String key;

    LieMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException naming the known modes when {@code key} is none of them */
    public static LieMode parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (LieMode m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown lying-RPC mode '" + key + "'; the modes are "
                + Arrays.stream(values()).map(LieMode::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key;
    }
}
