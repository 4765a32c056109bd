package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table hex decoding of DATA fields: what HexFormat reads, and nothing it refuses. */
class HexDataTest {

    @Test
    void decodesWhatHexFormatDecodesInEitherCase() {
        Random random = new Random(17);
        for (int n : new int[] {0, 1, 2, 31, 32, 33, 1000, 464_000}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            String lower = HexFormat.of().formatHex(data);
            String upper = HexFormat.of().withUpperCase().formatHex(data);
            assertArrayEquals(data, HexData.decode("0x" + lower), "lower case, " + n + " bytes");
            assertArrayEquals(data, HexData.decode("0X" + upper), "upper case, " + n + " bytes");
        }
    }

    @Test
    void everyCharacterThatIsNoHexDigitIsRefusedWherever() {
        for (char c = 0; c < 0x3000; c++) {
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                continue;
            }
            for (String s : new String[] {"0x" + c + "0", "0x0" + c, "0xab" + c + "f"}) {
                assertNull(HexData.decode(s), "character U+" + Integer.toHexString(c) + " in " + s);
            }
        }
    }

    @Test
    void onlyPrefixedWholeBytesAreData() {
        for (String s : new String[] {null, "", "0", "x0", "00", "0x0", "0xabc", "1x00", "0y00", " 0x00"}) {
            assertNull(HexData.decode(s), String.valueOf(s));
        }
        assertArrayEquals(new byte[0], HexData.decode("0x"));
        assertArrayEquals(new byte[] {(byte) 0xab}, HexData.decode("0XaB"));
    }

    @Test
    void aBadDigitNamesTheFieldAndWhere() {
        ObjectNode tx = JsonNodeFactory.instance.objectNode().put("input", "0x12g4");
        ProofInputException e = assertThrows(ProofInputException.class,
                () -> new RpcFields(tx, "transaction 3 of block 9").bytes("input"));
        assertEquals("transaction 3 of block 9: input is not hex: 0x12g4", e.getMessage());
        assertTrue(assertThrows(ProofInputException.class, () -> RpcFields.parseHex("0x0\u0660", "topic 1"))
                .getMessage().startsWith("topic 1 is not hex"));
    }
}
