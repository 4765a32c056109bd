package io.proofdesk.node.cid;

import java.math.BigInteger;

/**
 * Bitcoin-alphabet base58 (base58btc), the text form of IPFS CIDv0. Written here because nothing on the core
 * compile classpath provides it: web3j, BouncyCastle and protobuf have none, and commons-codec (runtime-only,
 * pinned at 1.17.1) gained {@code Base58} only in 1.22.
 */
final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        // each leading zero byte is written as the zero digit '1'
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    /** Decodes base58btc text; returns null if a character is outside the alphabet. */
    static byte[] decode(String text) {
        BigInteger n = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return null;
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;  // BigInteger's sign byte
        byte[] out = new byte[leadingZeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, leadingZeros, magnitude.length - skip);
        return out;
    }
}
