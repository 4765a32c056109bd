package io.proofdesk.attest;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The TEE node's RSA-PSS signatures over settled results.
 *
 * <p>Current format: msgHash = keccak256(inputHash ‖ outputHash ‖ uint256 timestamp), signed with RSA-PSS
 * (SHA-256, MGF1-SHA-256, 32-byte salt); PSS's own SHA-256 runs over the 32-byte msgHash. Legacy format:
 * PSS (salt = maximum length) over Python-style sorted-keys JSON, see {@link LegacySignedResponse}.
 */
public final class TeeSignatures {

    public static final int SETTLEMENT_SALT_LENGTH = 32;
    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
    private static final int SHA256_LENGTH = 32;

    private TeeSignatures() {
    }

    /** The PSS parameters of the current settlement format. */
    public static PSSParameterSpec settlementPss() {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, SETTLEMENT_SALT_LENGTH,
                PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** The PSS parameters of the legacy format: salt as long as the key allows (Python's PSS.MAX_LENGTH). */
    public static PSSParameterSpec legacyPss(RSAPublicKey key) {
        int emLen = (key.getModulus().bitLength() - 1 + 7) / 8;
        int salt = emLen - SHA256_LENGTH - 2;
        if (salt < 0) {
            throw new WrongKeyTypeException("legacy signature", "an RSA key of at least 528 bits",
                    "RSA (" + key.getModulus().bitLength() + "-bit)");
        }
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** keccak256(inputHash ‖ outputHash ‖ uint256-big-endian timestamp). */
    public static byte[] settlementMessageHash(byte[] inputHash, byte[] outputHash, BigInteger timestamp) {
        require32(inputHash, "input hash");
        require32(outputHash, "output hash");
        if (timestamp == null || timestamp.signum() < 0 || timestamp.compareTo(UINT256_LIMIT) >= 0) {
            throw new IllegalArgumentException("timestamp is not a uint256: " + timestamp);
        }
        byte[] message = new byte[96];
        System.arraycopy(inputHash, 0, message, 0, 32);
        System.arraycopy(outputHash, 0, message, 32, 32);
        System.arraycopy(Numeric.toBytesPadded(timestamp, 32), 0, message, 64, 32);
        return Hash.sha3(message);
    }

    /**
     * Checks a settlement signature. A non-RSA key throws {@link WrongKeyTypeException} (bad input, not a
     * forged record); everything else that does not verify is INVALID with the reason.
     */
    public static SignatureResult verifySettlement(PublicKey key, byte[] inputHash, byte[] outputHash,
                                                   BigInteger timestamp, byte[] signature) {
        RSAPublicKey rsa = PublicKeys.requireRsa(key, "TEE signing key");
        byte[] msgHash;
        try {
            msgHash = settlementMessageHash(inputHash, outputHash, timestamp);
        } catch (IllegalArgumentException e) {
            return SignatureResult.invalid(e.getMessage());
        }
        return verifyPss(rsa, settlementPss(), msgHash, signature);
    }

    public static SignatureResult verifyLegacy(PublicKey key, LegacySignedResponse response, byte[] signature) {
        return verifyLegacy(key, response.canonicalJson(), signature);
    }

    /**
     * A legacy signature over any signed JSON text (the gateway's {@code json.dumps(data, sort_keys=True)} bytes,
     * see {@link PythonJson}), for the signed shapes other than {@link LegacySignedResponse}'s.
     */
    public static SignatureResult verifyLegacy(PublicKey key, byte[] signedJson, byte[] signature) {
        RSAPublicKey rsa = PublicKeys.requireRsa(key, "TEE signing key");
        return verifyPss(rsa, legacyPss(rsa), signedJson, signature);
    }

    /** RSA-PSS verification with exact parameters; the signature must be exactly as long as the modulus. */
    static SignatureResult verifyPss(RSAPublicKey key, PSSParameterSpec spec, byte[] message, byte[] signature) {
        int modulusBytes = (key.getModulus().bitLength() + 7) / 8;
        if (signature == null || signature.length != modulusBytes) {
            return SignatureResult.invalid("signature is " + (signature == null ? 0 : signature.length)
                    + " bytes, the key's modulus is " + modulusBytes);
        }
        if (new BigInteger(1, signature).compareTo(key.getModulus()) >= 0) {
            return SignatureResult.invalid("signature value is not below the modulus");
        }
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.initVerify(key);
            verifier.setParameter(spec);
            verifier.update(message);
            return verifier.verify(signature)
                    ? SignatureResult.valid()
                    : SignatureResult.invalid("RSA-PSS signature does not verify under this key");
        } catch (GeneralSecurityException e) {
            return SignatureResult.invalid("RSA-PSS signature is malformed: " + e.getMessage());
        }
    }

    private static void require32(byte[] value, String what) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + (value == null ? 0 : value.length));
        }
    }
}
