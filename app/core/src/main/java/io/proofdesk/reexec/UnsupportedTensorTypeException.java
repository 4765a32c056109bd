package io.proofdesk.reexec;

/** An element or value type Proofdesk cannot carry through ONNX Runtime's Java API (for example uint32, maps). */
public final class UnsupportedTensorTypeException extends ReexecException {

    private final String tensorName;

    public UnsupportedTensorTypeException(String tensorName, String what) {
        super("tensor '" + tensorName + "': " + what + " is not supported", null);
        this.tensorName = tensorName;
    }

    public String tensorName() {
        return tensorName;
    }
}
