package io.proofdesk.devnet.tee;

import io.proofdesk.attest.LegacySignedResponse;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * A demo TEE node's RSA-2048 signing key (e = 65537, as tee-gateway generates inside the enclave) and the
 * signatures a real node produces with it, byte-compatible with {@link TeeSignatures}' verification.
 */
public final class TeeSigner {

    public static final int KEY_BITS = 2048;

    private final KeyPair keys;
    private final SecureRandom random;

    private TeeSigner(KeyPair keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** Generates the key from {@code random}: with {@link SeededRandom} the key is the same on every start. */
    public static TeeSigner generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(KEY_BITS, RSAKeyGenParameterSpec.F4), random);
            return new TeeSigner(g.generateKeyPair(), random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** DER SubjectPublicKeyInfo — what the registry stores and the TEE id hashes. */
    public byte[] publicKeyDer() {
        return keys.getPublic().getEncoded();
    }

    public String publicKeyPem() {
        return PublicKeys.toPem(keys.getPublic());
    }

    public TeeId teeId() {
        return TeeId.of(publicKeyDer());
    }

    /** RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) over keccak256(inputHash ‖ outputHash ‖ uint256 timestamp). */
    public byte[] signSettlement(byte[] inputHash, byte[] outputHash, BigInteger timestamp) {
        return sign(TeeSignatures.settlementPss(), TeeSignatures.settlementMessageHash(inputHash, outputHash, timestamp));
    }

    /** A registry heartbeat: RSA-PSS (as settlements) over keccak256(teeId ‖ uint256 timestamp). */
    public byte[] signHeartbeat(BigInteger timestamp) {
        byte[] message = new byte[64];
        System.arraycopy(teeId().bytes(), 0, message, 0, 32);
        byte[] ts = org.web3j.utils.Numeric.toBytesPadded(timestamp, 32);
        System.arraycopy(ts, 0, message, 32, 32);
        return sign(TeeSignatures.settlementPss(), org.web3j.crypto.Hash.sha3(message));
    }

    /** The older gateway format: PSS with maximum salt over Python-style sorted-keys JSON. */
    public byte[] signLegacy(LegacySignedResponse response) {
        return sign(TeeSignatures.legacyPss(publicKey()), response.canonicalJson());
    }

    private byte[] sign(PSSParameterSpec spec, byte[] message) {
        try {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.initSign(keys.getPrivate(), random);
            s.setParameter(spec);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-PSS signing failed", e);
        }
    }
}
