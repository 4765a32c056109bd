package io.proofdesk.attest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * nitriding's key binding in {@code user_data}: exactly 68 bytes, two SHA-256 multihashes —
 * 0x12 0x20 + SHA-256(TLS certificate DER) at bytes 2..33, then 0x12 0x20 + SHA-256(signing key DER) at 36..67.
 */
public record UserDataBinding(byte[] tlsCertificateSha256, byte[] signingKeySha256) {

    public static final int LENGTH = 68;
    private static final byte MULTIHASH_SHA256 = 0x12;
    private static final byte MULTIHASH_LENGTH = 0x20;

    public UserDataBinding {
        if (tlsCertificateSha256 == null || tlsCertificateSha256.length != 32
                || signingKeySha256 == null || signingKeySha256.length != 32) {
            throw new IllegalArgumentException("both hashes must be 32 bytes");
        }
        tlsCertificateSha256 = tlsCertificateSha256.clone();
        signingKeySha256 = signingKeySha256.clone();
    }

    /** The binding that {@code user_data} encodes, or empty if it is not exactly that 68-byte layout. */
    public static Optional<UserDataBinding> parse(byte[] userData) {
        if (userData == null || userData.length != LENGTH
                || userData[0] != MULTIHASH_SHA256 || userData[1] != MULTIHASH_LENGTH
                || userData[34] != MULTIHASH_SHA256 || userData[35] != MULTIHASH_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new UserDataBinding(Arrays.copyOfRange(userData, 2, 34), Arrays.copyOfRange(userData, 36, 68)));
    }

    public static UserDataBinding of(byte[] tlsCertificateDer, byte[] signingKeyDer) {
        return new UserDataBinding(sha256(tlsCertificateDer), sha256(signingKeyDer));
    }

    /** The 68 bytes to put in {@code user_data}. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = MULTIHASH_SHA256;
        out[1] = MULTIHASH_LENGTH;
        System.arraycopy(tlsCertificateSha256, 0, out, 2, 32);
        out[34] = MULTIHASH_SHA256;
        out[35] = MULTIHASH_LENGTH;
        System.arraycopy(signingKeySha256, 0, out, 36, 32);
        return out;
    }

    public boolean bindsKey(byte[] signingKeyDer) {
        return MessageDigest.isEqual(signingKeySha256, sha256(signingKeyDer));
    }

    public boolean bindsTlsCertificate(byte[] tlsCertificateDer) {
        return MessageDigest.isEqual(tlsCertificateSha256, sha256(tlsCertificateDer));
    }

    @Override
    public byte[] tlsCertificateSha256() {
        return tlsCertificateSha256.clone();
    }

    @Override
    public byte[] signingKeySha256() {
        return signingKeySha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDataBinding b && Arrays.equals(tlsCertificateSha256, b.tlsCertificateSha256)
                && Arrays.equals(signingKeySha256, b.signingKeySha256);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tlsCertificateSha256) + Arrays.hashCode(signingKeySha256);
    }

    @Override
    public String toString() {
        return "UserDataBinding[tls=" + java.util.HexFormat.of().formatHex(tlsCertificateSha256)
                + ", key=" + java.util.HexFormat.of().formatHex(signingKeySha256) + "]";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
