package io.proofdesk.reexec;

/**
 * A model that would make a tensor larger than {@link ModelLimits#maxTensorBytes()}, found before ONNX Runtime
 * allocates it: from the file (declared shapes, weights, shapes that constant inputs fix), from ONNX Runtime's own
 * shape inference of the outputs, or from the shapes and values of the inputs a run is given. {@link #reason()}
 * names the tensor, its shape and its size.
 */
public final class ModelTooLargeException extends ReexecException {

    private final String modelSha256;
    private final String reason;

    public ModelTooLargeException(String modelSha256, String reason) {
        super("model file " + abbreviate(modelSha256) + " is refused: " + reason, null);
        this.modelSha256 = modelSha256;
        this.reason = reason;
    }

    public String modelSha256() {
        return modelSha256;
    }

    public String reason() {
        return reason;
    }

    static String abbreviate(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : "sha256:" + sha.substring(0, 12) + "…";
    }
}
