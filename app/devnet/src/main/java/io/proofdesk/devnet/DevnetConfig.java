package io.proofdesk.devnet;

import io.proofdesk.devnet.liar.LieMode;

import java.nio.file.Path;
import java.util.List;

/**
 * What demo network to start: how many inferences to seed, what share of them dishonest, the seed that makes the
 * run repeatable, and the folder for its state (chain log, blobs, devnet.json, ground-truth.json). {@code lyingRpc}:
 * one lying JSON-RPC endpoint in front of the chain per mode, besides the honest one (none by default).
 * {@code lyingExplorer}: one lying block explorer per mode, besides the honest one (none by default).
 * {@code llmRecords}: LLM records to seed besides {@code inferences}, answered by LLM-style TEE nodes started only
 * then (none by default, so the default network is unchanged).
 */
public record DevnetConfig(int inferences, double dishonestRate, long seed, Path stateDir, List<LieMode> lyingRpc,
                           List<io.proofdesk.devnet.explorer.ExplorerLie> lyingExplorer, int llmRecords) {

    /** A demo network without lying explorers or LLM records. */
    public DevnetConfig(int inferences, double dishonestRate, long seed, Path stateDir, List<LieMode> lyingRpc) {
        this(inferences, dishonestRate, seed, stateDir, lyingRpc, List.of(), 0);
    }

    public static final int DEFAULT_INFERENCES = 2000;
    public static final double DEFAULT_DISHONEST_RATE = 0.05;
    public static final long DEFAULT_SEED = 1;

    public DevnetConfig {
        if (inferences < 0) {
            throw new IllegalArgumentException("--inferences must not be negative: " + inferences);
        }
        if (!(dishonestRate >= 0 && dishonestRate < 0.5)) {
            throw new IllegalArgumentException("--dishonest-rate must be at least 0 and below 0.5 (honest records "
                    + "outnumber dishonest ones): " + dishonestRate);
        }
        stateDir = stateDir.toAbsolutePath().normalize();
        lyingRpc = lyingRpc == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(lyingRpc)); // one per mode
        lyingExplorer = lyingExplorer == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(lyingExplorer));
        if (llmRecords < 0) {
            throw new IllegalArgumentException("--llm-records must not be negative: " + llmRecords);
        }
    }

    /** The same network with {@code n} LLM records besides the others. */
    public DevnetConfig withLlmRecords(int n) {
        return new DevnetConfig(inferences, dishonestRate, seed, stateDir, lyingRpc, lyingExplorer, n);
    }

    /** A demo network with no lying endpoint. */
    public DevnetConfig(int inferences, double dishonestRate, long seed, Path stateDir) {
        this(inferences, dishonestRate, seed, stateDir, List.of());
    }

    /** The same network with a lying endpoint for each of {@code modes}. */
    public DevnetConfig withLyingRpc(List<LieMode> modes) {
        return new DevnetConfig(inferences, dishonestRate, seed, stateDir, modes, lyingExplorer, llmRecords);
    }

    /** The same network with a lying block explorer for each of {@code modes}. */
    public DevnetConfig withLyingExplorer(List<io.proofdesk.devnet.explorer.ExplorerLie> modes) {
        return new DevnetConfig(inferences, dishonestRate, seed, stateDir, lyingRpc, modes, llmRecords);
    }

    public static DevnetConfig defaults(Path stateDir) {
        return new DevnetConfig(DEFAULT_INFERENCES, DEFAULT_DISHONEST_RATE, DEFAULT_SEED, stateDir);
    }
}
