package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.web3j.crypto.Hash;
import org.web3j.utils.Bloom;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiPredicate;

/** Small readings and edits of JSON-RPC values (hex quantities and data) that every lie shares. */
final class RpcJson {

    private RpcJson() {
    }

    /** A hex quantity ("0x1f") as a long; -1 when it is missing or not one. */
    static long quantity(JsonNode value) {
        String s = value == null ? "" : value.asText("");
        if (!s.startsWith("0x") || s.length() < 3) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The hex data with the lowest bit of byte {@code index} flipped (negative: from the end). */
    static String flipBit(String hex, int index) {
        byte[] b = Numeric.hexStringToByteArray(hex);
        if (b.length == 0) {
            return hex;
        }
        int i = index < 0 ? b.length + index : Math.min(index, b.length - 1);
        b[i] ^= 1;
        return "0x" + HexFormat.of().formatHex(b);
    }

    /** keccak256 of a label and a hex value, as 0x hex: a hash no real block or transaction has. */
    static String derivedHash(String label, String hex) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] v = Numeric.hexStringToByteArray(hex);
        byte[] both = new byte[l.length + v.length];
        System.arraycopy(l, 0, both, 0, l.length);
        System.arraycopy(v, 0, both, l.length, v.length);
        return Numeric.toHexString(Hash.sha3(both));
    }

    /** The logs bloom of these logs (addresses and topics), as a receipt carries it. */
    static String bloom(Iterable<JsonNode> logs) {
        Bloom bloom = new Bloom();
        for (JsonNode log : logs) {
            bloom.add(Numeric.hexStringToByteArray(log.path("address").asText()));
            for (JsonNode topic : log.path("topics")) {
                bloom.add(Numeric.hexStringToByteArray(topic.asText()));
            }
        }
        return Numeric.toHexString(bloom.getBytes());
    }

    /** True when a 0x hex value has a non-zero byte. */
    static boolean nonZero(String hex) {
        for (int i = 2; i < hex.length(); i++) {
            if (hex.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    /** The receipts an answer holds: the one of eth_getTransactionReceipt, the many of eth_getBlockReceipts. */
    static List<ObjectNode> receipts(String method, JsonNode result) {
        List<ObjectNode> out = new ArrayList<>();
        if (method.equals("eth_getTransactionReceipt") && result instanceof ObjectNode r) {
            out.add(r);
        } else if (method.equals("eth_getBlockReceipts") && result instanceof ArrayNode rs) {
            rs.forEach(r -> {
                if (r instanceof ObjectNode o) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    /**
     * Applies {@code change} to every list of logs an answer holds: eth_getLogs's result (receipt null), and the logs
     * of each receipt of eth_getTransactionReceipt / eth_getBlockReceipts (with that receipt, so a change can keep it
     * consistent). Every list is offered; returns whether any changed.
     */
    static boolean rewriteLogs(String method, JsonNode result, BiPredicate<ArrayNode, ObjectNode> change) {
        if (method.equals("eth_getLogs") && result instanceof ArrayNode logs) {
            return change.test(logs, null);
        }
        boolean changed = false;
        for (ObjectNode receipt : receipts(method, result)) {
            if (receipt.get("logs") instanceof ArrayNode logs) {
                changed |= change.test(logs, receipt);
            }
        }
        return changed;
    }

    /** The transaction objects an answer holds: one by hash or index, or a block's when they are full objects. */
    static List<ObjectNode> transactions(String method, JsonNode result) {
        List<ObjectNode> out = new ArrayList<>();
        switch (method) {
            case "eth_getTransactionByHash", "eth_getTransactionByBlockHashAndIndex",
                 "eth_getTransactionByBlockNumberAndIndex" -> {
                if (result instanceof ObjectNode t) {
                    out.add(t);
                }
            }
            case "eth_getBlockByNumber", "eth_getBlockByHash" -> result.path("transactions").forEach(t -> {
                if (t instanceof ObjectNode o) {
                    out.add(o);
                }
            });
            default -> {
            }
        }
        return out;
    }

    /** True for the two methods that answer a block header. */
    static boolean blockMethod(String method) {
        return method.equals("eth_getBlockByNumber") || method.equals("eth_getBlockByHash");
    }
}
