package io.proofdesk.verify;

import java.math.BigInteger;

/**
 * What the chain settled for one TEE record: for an individual settlement the event's fields, for a batch leaf the
 * leaf's values in the batch's tree. The signature and blob checks work on these.
 */
public record SettledFacts(byte[] teeId, byte[] inputHash, byte[] outputHash, byte[] signature, BigInteger timestamp) {

    public SettledFacts {
        teeId = teeId.clone();
        inputHash = inputHash.clone();
        outputHash = outputHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] teeId() {
        return teeId.clone();
    }

    @Override
    public byte[] inputHash() {
        return inputHash.clone();
    }

    @Override
    public byte[] outputHash() {
        return outputHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
