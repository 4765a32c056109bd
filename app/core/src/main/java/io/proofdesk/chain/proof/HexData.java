package io.proofdesk.chain.proof;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 0x-prefixed hex DATA as bytes. A block of inference calls is megabytes of hex calldata, read once per sync: this
 * reads the string's Latin-1 bytes (one array copy) through a table, about twice as fast as
 * {@link java.util.HexFormat#parseHex}, which goes through charAt per digit. A character beyond Latin-1 becomes '?',
 * which is no digit.
 */
public final class HexData {
    /** Each character's value as a hex digit, or -1. */
    private static final byte[] DIGIT = new byte[256];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < 10; i++) {
            DIGIT['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            DIGIT['a' + i] = (byte) (10 + i);
            DIGIT['A' + i] = (byte) (10 + i);
        }
    }

    private HexData() {
    }

    /** The bytes of {@code s}, or null unless it is "0x" or "0X" followed by whole bytes of hex digits. */
    public static byte[] decode(String s) {
        if (s == null || s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')
                || s.length() % 2 != 0) {
            return null;
        }
        return digits(s);
    }

    /** The value of {@code c} as a hex digit (0-9, a-f, A-F), or -1. */
    public static int digit(char c) {
        return c < 256 ? DIGIT[c] : -1;
    }

    /** The bytes of the digits after {@code s}'s two-character prefix ({@code s} has an even length), or null. */
    static byte[] digits(String s) {
        byte[] chars = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[(chars.length - 2) / 2];
        int bad = 0;
        for (int i = 0, j = 2; i < out.length; i++, j += 2) {
            int hi = DIGIT[chars[j] & 0xff];
            int lo = DIGIT[chars[j + 1] & 0xff];
            bad |= hi | lo;
            out[i] = (byte) (hi << 4 | lo);
        }
        return bad < 0 ? null : out;
    }
}
