package io.proofdesk.network;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trusted block written {@code N:0xHASH} (decimal block number, colon, block hash), as {@code --checkpoint}, a
 * profile's {@code checkpoints} and the desktop's network settings take it. The one reader of that text: the chain's
 * {@code Checkpoint.parse} uses it too.
 */
public record CheckpointText(long number, String hash) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,19})\\s*:\\s*(0[xX][0-9a-fA-F]*)\\s*");
    private static final Pattern HASH = Pattern.compile("0[xX][0-9a-fA-F]{64}");

    /**
     * @throws IllegalArgumentException saying what is wrong: a negative number, or a hash that is not 0x and 64 hex
     *                                  digits
     */
    public CheckpointText {
        if (number < 0) {
            throw new IllegalArgumentException("checkpoint block number " + number + " is negative");
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("checkpoint " + number + ": hash " + hash
                    + " is not 0x followed by 64 hex digits (32 bytes)");
        }
        hash = hash.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code N:0xHASH}, e.g. {@code 19000000:0x1a2b...}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static CheckpointText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty checkpoint; expected N:0xHASH (block number, colon, block hash)");
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("checkpoint '" + text.strip() + "' is not N:0xHASH (a decimal block "
                    + "number, a colon, then the block hash as 0x and 64 hex digits)");
        }
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint '" + text.strip() + "': block number is too large");
        }
        return new CheckpointText(number, m.group(2));
    }

    @Override
    public String toString() {
        return number + ":" + hash;
    }
}
