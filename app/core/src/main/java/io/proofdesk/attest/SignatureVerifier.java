package io.proofdesk.attest;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * The generic signature check behind the CLI twin: one scheme, one key (PEM or DER), one message, one signature.
 * Unreadable keys or a key of the wrong kind throw {@link KeyFormatException} (bad input); every signature
 * problem, including malformed or out-of-range encodings, is INVALID with a reason.
 */
public final class SignatureVerifier {

    public static final int ES384_SIGNATURE_LENGTH = 96;
    private static final int P384_FIELD_BITS = 384;

    private SignatureVerifier() {
    }

    public static SignatureResult verify(SignatureScheme scheme, byte[] keyPemOrDer, byte[] message, byte[] signature) {
        PublicKey key = PublicKeys.parse(keyPemOrDer, "key");
        return verify(scheme, key, message, signature);
    }

    public static SignatureResult verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature) {
        return switch (scheme) {
            case RSA_PSS_SHA256 -> TeeSignatures.verifyPss(PublicKeys.requireRsa(key, "key"),
                    TeeSignatures.settlementPss(), message, signature);
            case ES384 -> verifyEs384(requireP384(key, "key"), message, signature);
        };
    }

    static ECPublicKey requireP384(PublicKey key, String source) {
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == P384_FIELD_BITS) {
            return ec;
        }
        throw new WrongKeyTypeException(source, "an EC P-384", PublicKeys.describe(key));
    }

    /** ECDSA P-384 / SHA-384 over {@code message}, signature raw r‖s of 48 bytes each, both in [1, n-1]. */
    static SignatureResult verifyEs384(ECPublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != ES384_SIGNATURE_LENGTH) {
            return SignatureResult.invalid("ES384 signature must be 96 bytes (r‖s), got "
                    + (signature == null ? 0 : signature.length));
        }
        BigInteger n = key.getParams().getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 48));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 48, 96));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return SignatureResult.invalid("ES384 signature has r or s outside [1, n-1]");
        }
        try {
            Signature verifier = Signature.getInstance("SHA384withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature)
                    ? SignatureResult.valid()
                    : SignatureResult.invalid("ES384 signature does not verify under this key");
        } catch (GeneralSecurityException e) {
            return SignatureResult.invalid("ES384 signature is malformed: " + e.getMessage());
        }
    }
}
