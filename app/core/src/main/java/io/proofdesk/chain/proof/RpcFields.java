package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Reads the hex fields of a JSON-RPC object strictly: a missing field, a non-string, bad hex or a wrong length is a
 * {@link ProofInputException} naming the field and {@code where} it was (e.g. "receipt 3 of block 120").
 */
final class RpcFields {
    private static final HexFormat HEX = HexFormat.of();

    private final JsonNode node;
    private final String where;

    RpcFields(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new ProofInputException(where + " is not a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    String where() {
        return where;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    JsonNode node(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ProofInputException(where + " has no " + field);
        }
        return v;
    }

    /** A QUANTITY ("0x0", "0x1a"); leading zeros are tolerated, a negative or empty value is not. */
    BigInteger quantity(String field) {
        String hex = digits(field);
        if (hex.isEmpty()) {
            throw new ProofInputException(where + ": " + field + " is \"0x\", not a number");
        }
        return new BigInteger(hex, 16);
    }

    long longQuantity(String field) {
        BigInteger v = quantity(field);
        if (v.bitLength() > 63) {
            throw new ProofInputException(where + ": " + field + " " + v + " is out of range");
        }
        return v.longValueExact();
    }

    /** DATA of any length ("0x" is empty). */
    byte[] bytes(String field) {
        String s = prefixed(field);
        if (s.length() % 2 != 0) {
            throw new ProofInputException(where + ": " + field + " has an odd number of hex digits");
        }
        byte[] b = HexData.digits(s);
        if (b == null) {
            throw new ProofInputException(where + ": " + field + " is not hex: " + abbreviate(s));
        }
        return b;
    }

    /** DATA of exactly {@code length} bytes (hashes, addresses, blooms, nonces). */
    byte[] fixed(String field, int length) {
        byte[] b = bytes(field);
        if (b.length != length) {
            throw new ProofInputException(where + ": " + field + " is " + b.length + " bytes, expected " + length);
        }
        return b;
    }

    /** The field's text, checked to be a string that starts with 0x. */
    private String prefixed(String field) {
        JsonNode v = node(field);
        if (!v.isTextual()) {
            throw new ProofInputException(where + ": " + field + " is not a hex string: " + abbreviate(v.toString()));
        }
        String s = v.asText();
        if (!s.startsWith("0x") && !s.startsWith("0X")) {
            throw new ProofInputException(where + ": " + field + " does not start with 0x: " + abbreviate(s));
        }
        return s;
    }

    private String digits(String field) {
        String s = prefixed(field);
        String hex = s.substring(2);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new ProofInputException(where + ": " + field + " is not hex: " + abbreviate(s));
            }
        }
        return hex;
    }

    static String hex(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    static byte[] parseHex(String s, String what) {
        if (s == null || !(s.startsWith("0x") || s.startsWith("0X")) || s.length() % 2 != 0) {
            throw new ProofInputException(what + " is not 0x-prefixed hex with whole bytes: " + abbreviate(s));
        }
        byte[] b = HexData.digits(s);
        if (b == null) {
            throw new ProofInputException(what + " is not hex: " + abbreviate(s));
        }
        return b;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
