package io.proofdesk.node.cid;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of whole byte arrays, and the lower-case hex form nodes report as {@code model_hash}. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** Lower-case hex, 64 characters, no prefix. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }
}
