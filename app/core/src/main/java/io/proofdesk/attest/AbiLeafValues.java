package io.proofdesk.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** Converts between leaf values in OZ tree dumps (JSON) and web3j ABI types, for the encodings we support. */
final class AbiLeafValues {

    static final Set<String> SUPPORTED = Set.of("bytes32", "bytes", "uint256", "address", "string", "bool");
    private static final int MAX_BYTES_VALUE = 64 * 1024;

    private AbiLeafValues() {
    }

    static Type<?> fromJson(String encoding, JsonNode node, String where) {
        try {
            return switch (encoding) {
                case "bytes32" -> new Bytes32(hex(node, where, 32));
                case "bytes" -> new DynamicBytes(hex(node, where, -1));
                case "uint256" -> new Uint256(unsigned(node, where));
                case "address" -> new Address(160, new BigInteger(1, hex(node, where, 20)));
                case "string" -> {
                    if (!node.isTextual()) {
                        throw new MerkleTreeFormatException(where, "expected a string");
                    }
                    yield new Utf8String(node.textValue());
                }
                case "bool" -> {
                    if (!node.isBoolean()) {
                        throw new MerkleTreeFormatException(where, "expected true or false");
                    }
                    yield new Bool(node.booleanValue());
                }
                default -> throw new MerkleTreeFormatException(where, "unsupported leaf encoding '" + encoding + "'");
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            if (e instanceof MerkleTreeFormatException m) {
                throw m;
            }
            throw new MerkleTreeFormatException(where, e.getMessage(), e);
        }
    }

    static JsonNode toJson(Type<?> value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case Bytes32 b -> f.textNode("0x" + HexFormat.of().formatHex(b.getValue()));
            case DynamicBytes b -> f.textNode("0x" + HexFormat.of().formatHex(b.getValue()));
            case Uint256 u -> f.textNode(u.getValue().toString());
            case Address a -> f.textNode(a.getValue().toLowerCase(Locale.ROOT));
            case Utf8String s -> f.textNode(s.getValue());
            case Bool b -> f.booleanNode(b.getValue());
            default -> throw new IllegalArgumentException("unsupported ABI type " + value.getTypeAsString());
        };
    }

    static String encodingOf(Type<?> value) {
        String t = value.getTypeAsString();
        if (!SUPPORTED.contains(t)) {
            throw new IllegalArgumentException("unsupported leaf type " + t);
        }
        return t;
    }

    private static byte[] hex(JsonNode node, String where, int exactLength) {
        if (!node.isTextual()) {
            throw new MerkleTreeFormatException(where, "expected a 0x-prefixed hex string");
        }
        String s = node.textValue();
        if (!s.startsWith("0x") || s.length() % 2 != 0 || s.length() > 2 + 2 * MAX_BYTES_VALUE) {
            throw new MerkleTreeFormatException(where, "expected a 0x-prefixed hex string of whole bytes");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(s, 2, s.length());
        } catch (IllegalArgumentException e) {
            throw new MerkleTreeFormatException(where, "not hex: " + e.getMessage(), e);
        }
        if (exactLength >= 0 && bytes.length != exactLength) {
            throw new MerkleTreeFormatException(where, "expected " + exactLength + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static BigInteger unsigned(JsonNode node, String where) {
        BigInteger v;
        if (node.isIntegralNumber()) {
            v = node.bigIntegerValue();
        } else if (node.isTextual() && node.textValue().length() <= 80) {
            String s = node.textValue().trim();
            try {
                v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
            } catch (NumberFormatException e) {
                throw new MerkleTreeFormatException(where, "not an integer: " + s, e);
            }
        } else {
            throw new MerkleTreeFormatException(where, "expected an unsigned integer");
        }
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new MerkleTreeFormatException(where, "not a uint256: " + v);
        }
        return v;
    }
}
