package io.proofdesk.reexec;

/** ONNX Runtime accepted the model and inputs but failed while running them. */
public final class InferenceFailedException extends ReexecException {

    private final String modelSha256;

    public InferenceFailedException(String modelSha256, String reason, Throwable cause) {
        super("ONNX Runtime failed on model sha256:" + modelSha256 + ": " + reason, cause);
        this.modelSha256 = modelSha256;
    }

    public String modelSha256() {
        return modelSha256;
    }
}
