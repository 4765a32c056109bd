package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The labelled ways a demo record is made dishonest; the labels are the ground truth file's {@code fault} values. */
public enum Fault {
    FORGED_OUTPUT("forged-output"),
    SWAPPED_MODEL("swapped-model"),
    BAD_SIGNATURE("bad-signature"),
    STALE_ATTESTATION("stale-attestation"),
    UNAPPROVED_PCR("unapproved-pcr"),
    MODEL_CID_MISMATCH("model-cid-mismatch"),
    BLOB_MISMATCH("blob-mismatch"),
    MERKLE_MISSING("merkle-missing"),
    /** LLM records only: the published response is not the one the TEE signed and whose hash was settled. */
    FORGED_RESPONSE("forged-response"),
    /** LLM records only: the settlement carries a genuine signature of another, earlier answer. */
    REPLAYED_SIGNATURE("replayed-signature");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** Whether only LLM records are made dishonest this way (the ONNX planner never deals it). */
    public boolean llmOnly() {
        return this == FORGED_RESPONSE || this == REPLAYED_SIGNATURE;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Fault fromLabel(String label) {
        for (Fault f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault label: " + label);
    }
}
