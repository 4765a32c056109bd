package io.proofdesk.node.cid;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An IPFS CIDv0 ({@code Qm…}): the base58btc text of a sha2-256 multihash of a file's dag-pb root block. This is
 * how the network's model hub names model files. {@link #v0(byte[])} gives the id {@code ipfs add} (default
 * settings) prints for the same bytes, for files of any size.
 */
public final class Cid {

    private static final int MULTIHASH_LENGTH = 34;

    private final byte[] multihash;
    private final String text;

    private Cid(byte[] multihash) {
        this.multihash = multihash;
        this.text = Base58.encode(multihash);
    }

    /** The CIDv0 {@code ipfs add} gives {@code file} (UnixFS, dag-pb, 256 KiB chunks, balanced layout). */
    public static Cid v0(byte[] file) {
        return new Cid(UnixFsFileDag.root(file).multihash());
    }

    /** Parses a CIDv0 text; throws {@link InvalidCidException} saying what is wrong. */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidCidException(text, "empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() != 46) {
            String hint = trimmed.startsWith("b") ? " (CIDv1 is not supported, only CIDv0 'Qm…')" : "";
            throw new InvalidCidException(text, "a CIDv0 has 46 characters, this has " + trimmed.length() + hint);
        }
        byte[] bytes = Base58.decode(trimmed);
        if (bytes == null) {
            throw new InvalidCidException(text, "contains a character outside the base58btc alphabet");
        }
        if (bytes.length != MULTIHASH_LENGTH || bytes[0] != 0x12 || bytes[1] != 0x20) {
            throw new InvalidCidException(text, "not a sha2-256 multihash (expected prefix 0x1220, 34 bytes)");
        }
        return new Cid(bytes);
    }

    /** True if {@code file} added to IPFS with default settings gets this id. */
    public boolean matches(byte[] file) {
        return MessageDigest.isEqual(multihash, UnixFsFileDag.root(file).multihash());
    }

    /** The 32-byte sha2-256 digest of the root block; never the file's own SHA-256 ({@link Sha256#hex}). */
    public byte[] digest() {
        return Arrays.copyOfRange(multihash, 2, MULTIHASH_LENGTH);
    }

    public byte[] multihash() {
        return multihash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && Arrays.equals(multihash, c.multihash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(multihash);
    }

    @Override
    public String toString() {
        return text;
    }
}
