package io.proofdesk.devnet.anvil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run anvil.
 *
 * @param binary       the anvil executable (see {@link AnvilLocator})
 * @param workDir      where {@code anvil.log} (and the state file, if persisted) go; created if missing
 * @param chainId      EIP-155 chain id
 * @param blockTime    interval mining; empty means automine (one block per transaction)
 * @param startTimeout how long to wait for {@code eth_chainId} to answer
 * @param persistState load and dump chain state at {@code workDir/anvil-state.json}
 */
public record AnvilOptions(Path binary, Path workDir, long chainId, Optional<Duration> blockTime,
        Duration startTimeout, boolean persistState) {

    public static final long DEV_CHAIN_ID = 31337;
    public static final String LOG_FILE = "anvil.log";
    public static final String STATE_FILE = "anvil-state.json";

    public AnvilOptions {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive, got " + chainId);
        }
        blockTime.ifPresent(t -> {
            if (t.isNegative() || t.isZero() || t.toMillisPart() != 0) {
                throw new IllegalArgumentException("blockTime must be a whole number of seconds > 0, got " + t);
            }
        });
    }

    /** Automine, chain id 31337, 20 s to start, no persisted state. */
    public static AnvilOptions defaults(Path binary, Path workDir) {
        return new AnvilOptions(binary, workDir, DEV_CHAIN_ID, Optional.empty(), Duration.ofSeconds(20), false);
    }

    public AnvilOptions withBlockTime(Duration interval) {
        return new AnvilOptions(binary, workDir, chainId, Optional.of(interval), startTimeout, persistState);
    }

    public AnvilOptions withStartTimeout(Duration timeout) {
        return new AnvilOptions(binary, workDir, chainId, blockTime, timeout, persistState);
    }

    public AnvilOptions withPersistedState() {
        return new AnvilOptions(binary, workDir, chainId, blockTime, startTimeout, true);
    }

    public Path logFile() {
        return workDir.resolve(LOG_FILE);
    }

    public Path stateFile() {
        return workDir.resolve(STATE_FILE);
    }
}
