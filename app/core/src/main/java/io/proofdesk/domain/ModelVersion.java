package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A version of a model. {@code cid} is the main ONNX file's CID (what the inference contract's modelId names).
 * Nullable: cid, createdAt, registeredBlock, notes.
 */
public record ModelVersion(String modelName, String version, String cid, Instant createdAt, Long registeredBlock,
                           String notes) {

    public ModelVersion {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(version, "version");
    }
}
