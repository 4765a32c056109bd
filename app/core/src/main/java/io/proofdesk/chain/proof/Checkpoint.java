package io.proofdesk.chain.proof;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block the user (or the network's settings) trusts: its number and hash. Written {@code N:0xHASH}, as
 * {@code --checkpoint} takes it.
 */
public record Checkpoint(long number, String hash) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,19})\\s*:\\s*(0[xX][0-9a-fA-F]*)\\s*");

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
        if (text == null || text.isBlank()) {
            throw new CheckpointFormatException("empty checkpoint; expected N:0xHASH (block number, colon, block hash)");
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new CheckpointFormatException("checkpoint '" + text.strip() + "' is not N:0xHASH (a decimal block "
                    + "number, a colon, then the block hash as 0x and 64 hex digits)");
        }
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException("checkpoint '" + text.strip() + "': block number is too large");
        }
        return new Checkpoint(number, m.group(2));
    }

    byte[] hashBytes() {
        return RpcFields.parseHex(hash, "checkpoint hash");
    }

    @Override
    public String toString() {
        return number + ":" + hash;
    }
}
