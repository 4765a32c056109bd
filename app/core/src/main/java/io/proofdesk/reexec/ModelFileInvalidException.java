package io.proofdesk.reexec;

/**
 * A model file that Proofdesk refuses to load: not ONNX, truncated, too large, declaring absurd shapes, using
 * external data, or rejected by ONNX Runtime. {@link #reason()} is the sentence to show.
 */
public final class ModelFileInvalidException extends ReexecException {

    private final String modelSha256;
    private final String reason;

    public ModelFileInvalidException(String modelSha256, String reason) {
        this(modelSha256, reason, null);
    }

    public ModelFileInvalidException(String modelSha256, String reason, Throwable cause) {
        super("model file " + abbreviate(modelSha256) + " is not usable: " + reason, cause);
        this.modelSha256 = modelSha256;
        this.reason = reason;
    }

    /** SHA-256 hex of the file that was refused. */
    public String modelSha256() {
        return modelSha256;
    }

    public String reason() {
        return reason;
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : "sha256:" + sha.substring(0, 12) + "…";
    }
}
