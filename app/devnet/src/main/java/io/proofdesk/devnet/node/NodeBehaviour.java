package io.proofdesk.devnet.node;

import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.tee.AttestationBehaviour;

/** How a demo TEE node behaves: honestly, or dishonest in exactly one labelled way. */
public enum NodeBehaviour {
    HONEST(null),
    /** Runs the model, then changes the output it reports (and signs the forged output). */
    FORGED_OUTPUT(Fault.FORGED_OUTPUT),
    /** Runs another version of the requested model. */
    SWAPPED_MODEL(Fault.SWAPPED_MODEL),
    /** Signs with a key that is not the registered one. */
    BAD_SIGNATURE(Fault.BAD_SIGNATURE),
    /** Serves an old attestation document with an old nonce, whatever nonce is asked for. */
    STALE_ATTESTATION(Fault.STALE_ATTESTATION),
    /** Runs an enclave image whose PCRs were never approved on chain. */
    UNAPPROVED_PCR(Fault.UNAPPROVED_PCR);

    private final Fault fault;

    NodeBehaviour(Fault fault) {
        this.fault = fault;
    }

    /** The ground-truth label of records this node makes; null when honest. */
    public Fault fault() {
        return fault;
    }

    public boolean honest() {
        return fault == null;
    }

    public String label() {
        return fault == null ? "honest" : fault.label();
    }

    public AttestationBehaviour attestation() {
        return switch (this) {
            case STALE_ATTESTATION -> AttestationBehaviour.STALE_REPLAY;
            case UNAPPROVED_PCR -> AttestationBehaviour.UNAPPROVED_PCRS;
            default -> AttestationBehaviour.HONEST;
        };
    }

    public static NodeBehaviour forFault(Fault fault) {
        for (NodeBehaviour b : values()) {
            if (b.fault == fault) {
                return b;
            }
        }
        throw new IllegalArgumentException("no node commits " + fault);
    }
}
