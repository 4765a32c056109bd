package io.proofdesk.chain.sync;

import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log checks' own reading of numbers and hashes says what web3j's reading and the old pattern said. */
class LogAnswerCheckTest {

    private static final Pattern OLD_HASH = Pattern.compile("0x[0-9a-f]{64}");

    @Test
    void quantitiesAreReadAsWeb3jReadsThem() {
        List<String> inputs = new ArrayList<>(List.of("0x0", "0x00", "0x1", "0x01", "0xA", "0xa", "0x", "1", "12",
                "0x-1", "-0x1", "0X1", "0x 1", "0x1 ", "0x7fffffffffffffff", "0x0fffffffffffffff",
                "0xffffffffffffffff", "0xffffffffffffffffff", "0x\u0661", "0x\uff11", "0xg"));
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            inputs.add("0x" + Long.toHexString(random.nextLong() >>> random.nextInt(64)));
        }
        for (String raw : inputs) {
            assertEquals(web3j(raw), ours(raw), raw);
        }
    }

    @Test
    void hashesAreWhatThePatternOnTheLowerCasedTextAccepted() {
        String hash = "0x" + "0123456789abcdef".repeat(4);
        List<String> inputs = new ArrayList<>(List.of(hash, hash.toUpperCase(Locale.ROOT), "0X" + hash.substring(2),
                hash.substring(1), hash + "0", hash.substring(0, 65), "1x" + hash.substring(2), ""));
        for (char c : new char[] {'g', 'G', ' ', '\u0661', '\uff41', '\u212a', '\u0130', 'x', '-'}) {
            for (int at : new int[] {2, 40, 65}) {
                inputs.add(hash.substring(0, at) + c + hash.substring(at + 1));
            }
        }
        for (String s : inputs) {
            assertEquals(OLD_HASH.matcher(s.toLowerCase(Locale.ROOT)).matches(), LogAnswerCheck.isHash(s), s);
        }
        assertEquals(false, LogAnswerCheck.isHash(null));
    }

    private static String web3j(String raw) {
        try {
            return Numeric.decodeQuantity(raw).toString();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String ours(String raw) {
        try {
            BigInteger v = LogAnswerCheck.quantity(raw, () -> Numeric.decodeQuantity(raw));
            return v.toString();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
