package io.proofdesk.verify;

/** The stable names of the verdict lines; `failedChecks` in JSON and reports use exactly these. */
public final class CheckNames {
    public static final String RECORD = "record";
    public static final String BLOB = "blob";
    public static final String SIGNATURE = "signature";
    public static final String TEE_STATUS = "tee-status";
    public static final String ATTESTATION = "attestation";
    public static final String BATCH_INCLUSION = "batch-inclusion";
    public static final String MODEL = "model";
    public static final String REEXECUTION = "reexecution";
    public static final String ZK_PROOF = "zk-proof";

    private CheckNames() {
    }
}
