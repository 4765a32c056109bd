package io.proofdesk.chain.proof;

import java.util.Locale;

/**
 * A block the user (or the network's settings) trusts: its number and hash. Written {@code N:0xHASH}, as
 * {@code --checkpoint} takes it.
 */
public record Checkpoint(long number, String hash) {

    public Checkpoint {
        if (number < 0) {
            throw new CheckpointFormatException("checkpoint block number " + number + " is negative");
        }
        if (hash == null || !hash.matches("0[xX][0-9a-fA-F]{64}")) {
            throw new CheckpointFormatException("checkpoint " + number + ": hash " + hash
                    + " is not 0x followed by 64 hex digits (32 bytes)");
        }
        hash = hash.toLowerCase(Locale.ROOT);
    }

    /** {@code N:0xHASH}, e.g. {@code 19000000:0x1a2b...}; anything else is a {@link CheckpointFormatException}. */
    public static Checkpoint parse(String text) {
        io.proofdesk.network.CheckpointText t;
        try {
            t = io.proofdesk.network.CheckpointText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(e.getMessage());
        }
        return new Checkpoint(t.number(), t.hash());
    }

    byte[] hashBytes() {
        return RpcFields.parseHex(hash, "checkpoint hash");
    }

    @Override
    public String toString() {
        return number + ":" + hash;
    }
}
