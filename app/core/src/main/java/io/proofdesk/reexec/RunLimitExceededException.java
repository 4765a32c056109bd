package io.proofdesk.reexec;

/**
 * A run that ONNX Runtime was told to stop because it took longer than {@link ModelLimits#maxRunTime()} or grew the
 * process by more than {@link ModelLimits#maxRunMemoryBytes()}. The session it ran on is discarded (its memory
 * arena with it); other models and later runs are not affected.
 */
public final class RunLimitExceededException extends ReexecException {

    private final String modelSha256;
    private final String reason;

    public RunLimitExceededException(String modelSha256, String reason, Throwable cause) {
        super("the run of model " + ModelTooLargeException.abbreviate(modelSha256) + " was stopped: " + reason, cause);
        this.modelSha256 = modelSha256;
        this.reason = reason;
    }

    public String modelSha256() {
        return modelSha256;
    }

    public String reason() {
        return reason;
    }
}
