package io.proofdesk.reexec;

/** A tensor (TensorProto file, ORT value, or Tensor record) whose bytes do not describe a valid tensor. */
public final class TensorFormatException extends ReexecException {

    private final String tensorName;

    public TensorFormatException(String tensorName, String reason) {
        this(tensorName, reason, null);
    }

    public TensorFormatException(String tensorName, String reason, Throwable cause) {
        super("tensor '" + tensorName + "': " + reason, cause);
        this.tensorName = tensorName;
    }

    public String tensorName() {
        return tensorName;
    }
}
