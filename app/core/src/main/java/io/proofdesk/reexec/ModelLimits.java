package io.proofdesk.reexec;

/**
 * Caps applied to a model file before ONNX Runtime sees it, so a hostile file cannot make Proofdesk allocate
 * without bound: the file size, and the number of elements a declared input or an initializer may hold.
 */
public record ModelLimits(long maxFileBytes, long maxTensorElements) {

    /** 512 MiB files; 64 Mi elements (256 MiB of float32) per input or weight tensor. */
    public static final ModelLimits DEFAULT = new ModelLimits(512L << 20, 64L << 20);

    public ModelLimits {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE || maxTensorElements <= 0) {
            throw new IllegalArgumentException("limits must be positive and files below 2 GiB");
        }
    }
}
