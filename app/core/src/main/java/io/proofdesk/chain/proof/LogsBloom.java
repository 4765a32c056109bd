package io.proofdesk.chain.proof;

import org.web3j.crypto.Hash;

import java.util.Arrays;
import java.util.List;

/**
 * The 2048-bit logs bloom of a receipt or header (Yellow Paper, M3:2048): each log's address and topics set three bits
 * chosen by the low 11 bits of the first three byte pairs of their keccak. A clear bit proves absence; a set bit only
 * says "maybe", which is what the completeness check needs: a block whose bloom says maybe must be looked at.
 */
public final class LogsBloom {
    public static final int BYTES = 256;

    private final byte[] bits;

    private LogsBloom(byte[] bits) {
        this.bits = bits;
    }

    public static LogsBloom empty() {
        return new LogsBloom(new byte[BYTES]);
    }

    public static LogsBloom of(byte[] bits) {
        if (bits.length != BYTES) {
            throw new ProofInputException("a logs bloom is " + BYTES + " bytes, got " + bits.length);
        }
        return new LogsBloom(bits.clone());
    }

    public static LogsBloom ofHex(String hex) {
        return of(RpcFields.parseHex(hex, "logs bloom"));
    }

    /** The bloom of these logs, as a receipt's {@code logsBloom} must be. */
    public static LogsBloom of(List<ReceiptLog> logs) {
        byte[] bits = new byte[BYTES];
        for (ReceiptLog log : logs) {
            set(bits, Hash.sha3(log.address()));
            for (byte[] topic : log.topicList()) {
                set(bits, Hash.sha3(topic));
            }
        }
        return new LogsBloom(bits);
    }

    /** The union (bitwise OR): a header's bloom is the union of its receipts' blooms. */
    public LogsBloom or(LogsBloom other) {
        byte[] out = bits.clone();
        for (int i = 0; i < BYTES; i++) {
            out[i] |= other.bits[i];
        }
        return new LogsBloom(out);
    }

    /** False only if no log of this contract with this first topic can be behind the bloom. */
    public boolean mayContain(byte[] address, byte[] topic0) {
        return mayContain(address) && mayContain(topic0);
    }

    /** False only if the item (a 20-byte address or a 32-byte topic) is certainly absent. */
    public boolean mayContain(byte[] item) {
        byte[] h = Hash.sha3(item);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 0x7ff;
            if ((bits[BYTES - 1 - bit / 8] & (1 << (bit % 8))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void set(byte[] bits, byte[] h) {
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 0x7ff;
            bits[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }

    public byte[] bytes() {
        return bits.clone();
    }

    public String hex() {
        return RpcFields.hex(bits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogsBloom b && Arrays.equals(bits, b.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return hex();
    }
}
