package io.proofdesk.domain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An immutable byte string (signatures, DER keys and certificates), so records holding one get value equality
 * without each overriding equals. Shown and parsed as 0x-prefixed lower-case hex.
 */
public final class Bytes {

    private static final HexFormat HEX = HexFormat.of();
    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    public static Bytes of(byte[] value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    public static Bytes empty() {
        return EMPTY;
    }

    /** Parses hex with or without a 0x prefix. */
    public static Bytes fromHex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length hex string: " + hex);
        }
        return new Bytes(HEX.parseHex(h.toLowerCase(Locale.ROOT)));
    }

    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public String toHex() {
        return "0x" + HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
