package io.proofdesk.bench;

import io.proofdesk.attest.NitroAttestationVerifier;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.attest.TrustedRoots;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signature throughput on one core: Proofdesk's settlement check (keccak message hash, encoding checks, RSA-PSS)
 * against the JDK's bare RSASSA-PSS verify of the same message hash, and attestation documents verified per second.
 */
public final class SignatureBenchmark {

    private final PublicKey key;
    private final byte[] inputHash;
    private final byte[] outputHash;
    private final BigInteger timestamp;
    private final byte[] signature;
    private final byte[] document;
    private final TrustedRoots roots;

    public SignatureBenchmark(PublicKey key, byte[] inputHash, byte[] outputHash, BigInteger timestamp,
                              byte[] signature, byte[] document, TrustedRoots roots) {
        this.key = key;
        this.inputHash = inputHash.clone();
        this.outputHash = outputHash.clone();
        this.timestamp = timestamp;
        this.signature = signature.clone();
        this.document = document.clone();
        this.roots = roots;
    }

    public BenchResult run(int iterations) throws GeneralSecurityException {
        byte[] msgHash = TeeSignatures.settlementMessageHash(inputHash, outputHash, timestamp);
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        double bare = perSecond(iterations, () -> {
            jdk.initVerify(key);
            jdk.setParameter(TeeSignatures.settlementPss());
            jdk.update(msgHash);
            return jdk.verify(signature);
        });
        double proofdesk = perSecond(iterations, () ->
                TeeSignatures.verifySettlement(key, inputHash, outputHash, timestamp, signature).isValid());
        NitroAttestationVerifier verifier = new NitroAttestationVerifier(roots);
        double attestations = perSecond(Math.max(1, iterations / 4), () -> verifier.verify(document).isValid());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("jdk_pss_per_s", BenchResult.fmt(bare));
        values.put("rsa_pss_per_s", BenchResult.fmt(proofdesk));
        values.put("attestation_per_s", BenchResult.fmt(attestations));
        values.put("cores", "1");
        return new BenchResult("sigs", proofdesk / bare, values);
    }

    interface Check {
        boolean ok() throws GeneralSecurityException;
    }

    private static double perSecond(int iterations, Check check) throws GeneralSecurityException {
        for (int i = 0; i < Math.max(1, iterations / 5); i++) {
            require(check.ok());
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            require(check.ok());
        }
        return iterations / ((System.nanoTime() - start) / 1e9);
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("the benchmark's own signature or document does not verify");
        }
    }
}
