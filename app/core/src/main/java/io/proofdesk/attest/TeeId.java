package io.proofdesk.attest;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.web3j.crypto.Hash;

/** A TEE's id on the registry: keccak256 of the DER SubjectPublicKeyInfo of its RSA signing key. */
public record TeeId(byte[] bytes) {

    public TeeId {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a TEE id is 32 bytes");
        }
        bytes = bytes.clone();
    }

    public static TeeId of(byte[] publicKeyDer) {
        return new TeeId(Hash.sha3(publicKeyDer));
    }

    public static TeeId of(PublicKey key) {
        return of(key.getEncoded());
    }

    public static TeeId fromHex(String hex) {
        String h = hex.trim().toLowerCase(Locale.ROOT);
        if (!h.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a TEE id (0x + 64 hex): " + hex);
        }
        return new TeeId(HexFormat.of().parseHex(h.substring(2)));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case, 0x-prefixed. */
    public String hex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    public boolean matches(byte[] publicKeyDer) {
        return Arrays.equals(bytes, Hash.sha3(publicKeyDer));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeeId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
