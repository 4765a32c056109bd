package io.proofdesk.reexec;

/** Base of every failure re-execution reports to a user; each subclass names one kind of failure. */
public abstract sealed class ReexecException extends RuntimeException
        permits ModelFileInvalidException, InputMismatchException, TensorFormatException,
        UnsupportedTensorTypeException, FixedPointException, InferenceFailedException, ModelTooLargeException,
        RunLimitExceededException {

    protected ReexecException(String message, Throwable cause) {
        super(message, cause);
    }
}
