package io.proofdesk.chain.proof;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogsBloomTest {
    private static final byte[] RELAY = new byte[20];
    private static final byte[] SETTLED = Hash.sha3("IndividualSettlement(bytes32)".getBytes(StandardCharsets.UTF_8));

    static {
        RELAY[19] = 0x42;
    }

    @Test
    void aLoggedAddressAndTopicMayBeThereAndSetThreeBitsEach() {
        LogsBloom bloom = LogsBloom.of(List.of(new ReceiptLog(RELAY, List.of(SETTLED), new byte[0])));
        assertTrue(bloom.mayContain(RELAY, SETTLED));
        int bits = 0;
        for (byte b : bloom.bytes()) {
            bits += Integer.bitCount(b & 0xff);
        }
        assertTrue(bits >= 4 && bits <= 6, "3 bits per item, collisions aside: " + bits);
    }

    @Test
    void anEmptyBloomHoldsNothingAndUnionsAddUp() {
        assertFalse(LogsBloom.empty().mayContain(RELAY, SETTLED));
        byte[] other = Hash.sha3("Other()".getBytes(StandardCharsets.UTF_8));
        LogsBloom a = LogsBloom.of(List.of(new ReceiptLog(RELAY, List.of(SETTLED), new byte[0])));
        LogsBloom b = LogsBloom.of(List.of(new ReceiptLog(new byte[20], List.of(other), new byte[] {1})));
        LogsBloom union = a.or(b);
        assertTrue(union.mayContain(RELAY, SETTLED));
        assertTrue(union.mayContain(new byte[20], other));
        assertEquals(union, LogsBloom.ofHex(union.hex()));
    }

    @Test
    void aBloomIs256Bytes() {
        assertThrows(ProofInputException.class, () -> LogsBloom.of(new byte[255]));
        assertThrows(ProofInputException.class, () -> LogsBloom.ofHex("0x00"));
    }
}
