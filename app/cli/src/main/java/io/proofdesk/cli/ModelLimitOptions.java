package io.proofdesk.cli;

import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.store.DataDirectory;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --max-tensor-mib}, {@code --max-run-seconds}, {@code --max-run-mib}: how much a model may make Proofdesk
 * allocate or run. Each overrides the data folder's {@value ModelLimits#FILE_NAME} (which the desktop reads too),
 * which overrides the defaults.
 */
public final class ModelLimitOptions {

    @Option(names = "--max-tensor-mib", paramLabel = "MIB", description = "Refuse a model that would make a tensor "
            + "larger than this, before running it (default 256)")
    Long maxTensorMib;

    @Option(names = "--max-run-seconds", paramLabel = "S", description = "Stop a model run after this long (default 60)")
    Long maxRunSeconds;

    @Option(names = "--max-run-mib", paramLabel = "MIB", description = "Stop a model run that grows this process's "
            + "memory by more than this (default 2048; Linux)")
    Long maxRunMib;

    /** The defaults with the flags given. */
    public ModelLimits limits() {
        return apply(ModelLimits.DEFAULT);
    }

    /** The data folder's settings with the flags given. */
    public ModelLimits limits(DataDirectory dataDirectory) {
        ModelLimits base;
        try {
            base = ModelLimits.fromDataFolder(dataDirectory.path());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return apply(base);
    }

    private ModelLimits apply(ModelLimits base) {
        ModelLimits limits = base;
        try {
            if (maxTensorMib != null) {
                limits = limits.withMaxTensorBytes(ModelLimits.mib("--max-tensor-mib", "the value", maxTensorMib));
            }
            if (maxRunSeconds != null) {
                if (maxRunSeconds <= 0) {
                    throw new IllegalArgumentException("--max-run-seconds must be positive, was " + maxRunSeconds);
                }
                limits = limits.withMaxRunTime(Duration.ofSeconds(maxRunSeconds));
            }
            if (maxRunMib != null) {
                limits = limits.withMaxRunMemoryBytes(ModelLimits.mib("--max-run-mib", "the value", maxRunMib));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return limits;
    }
}
