package io.proofdesk.domain;

/** The inference contract's mode enum; the ordinals are the on-chain uint8 values (VANILLA=0, ZKML=1, TEE=2). */
public enum InferenceMode {
    VANILLA, ZKML, TEE;

    public int code() {
        return ordinal();
    }

    public static InferenceMode fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("unknown inference mode " + code + " (expected 0 VANILLA, 1 ZKML, 2 TEE)");
        }
        return values()[code];
    }
}
