package io.proofdesk.domain;

import java.util.Objects;

/**
 * A file of a model version with its registered identity. {@code sha256} is lower-case hex without 0x;
 * the signatures are the hub's JSON as received (nullable, as are sha256 and registeredBlock).
 */
public record ModelFile(String modelName, String version, String fileName, String cid, String sha256, long sizeBytes,
                        String inputSignatureJson, String outputSignatureJson, Long registeredBlock) {

    public ModelFile {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(cid, "cid");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size for " + fileName);
        }
    }
}
