package io.proofdesk.chain.proof;

import java.util.Arrays;

/** Trie paths as nibbles (half bytes, high first) and their hex-prefix ("compact") encoding, Yellow Paper appendix C. */
final class Nibbles {
    private Nibbles() {
    }

    static byte[] of(byte[] key) {
        byte[] out = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
            out[2 * i + 1] = (byte) (key[i] & 0x0f);
        }
        return out;
    }

    /** Length of the common prefix of {@code a[aFrom..]} and {@code b[bFrom..]}. */
    static int commonPrefix(byte[] a, int aFrom, byte[] b, int bFrom) {
        int n = 0;
        while (aFrom + n < a.length && bFrom + n < b.length && a[aFrom + n] == b[bFrom + n]) {
            n++;
        }
        return n;
    }

    static byte[] slice(byte[] nibbles, int from, int to) {
        return Arrays.copyOfRange(nibbles, from, to);
    }

    static byte[] concat(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Hex-prefix encoding: a flag nibble (2 = leaf, +1 = odd length), a pad nibble if even, then the path. */
    static byte[] hexPrefix(byte[] path, boolean leaf) {
        boolean odd = path.length % 2 == 1;
        int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        byte[] out = new byte[path.length / 2 + 1];
        int i = 0;
        if (odd) {
            out[0] = (byte) (flag << 4 | path[0]);
            i = 1;
        } else {
            out[0] = (byte) (flag << 4);
        }
        for (int o = 1; o < out.length; o++, i += 2) {
            out[o] = (byte) (path[i] << 4 | path[i + 1]);
        }
        return out;
    }

    /** The path of a hex-prefix encoded key; {@link #isLeaf} tells which kind of node it came from. */
    static byte[] fromHexPrefix(byte[] compact) {
        if (compact.length == 0) {
            throw new InvalidProofException("a trie node has an empty path");
        }
        int flag = (compact[0] >> 4) & 0x0f;
        if (flag > 3) {
            throw new InvalidProofException("a trie node path has flag nibble " + flag + " (0-3 allowed)");
        }
        boolean odd = (flag & 1) == 1;
        if (!odd && (compact[0] & 0x0f) != 0) {
            throw new InvalidProofException("a trie node path has a non-zero pad nibble");
        }
        byte[] all = of(compact);
        return Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
    }

    static boolean isLeaf(byte[] compact) {
        return ((compact[0] >> 4) & 0x02) != 0;
    }
}
