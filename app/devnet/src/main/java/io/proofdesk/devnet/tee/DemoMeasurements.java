package io.proofdesk.devnet.tee;

import io.proofdesk.attest.PcrHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PCR0..2 of a demo "enclave image" (48-byte SHA-384 values, as Nitro measures), derived from a release name so
 * that approved and unapproved images differ reproducibly.
 */
public record DemoMeasurements(String release, byte[] pcr0, byte[] pcr1, byte[] pcr2) {

    public DemoMeasurements {
        pcr0 = pcr0.clone();
        pcr1 = pcr1.clone();
        pcr2 = pcr2.clone();
    }

    public static DemoMeasurements of(String release) {
        return new DemoMeasurements(release, measure(release, 0), measure(release, 1), measure(release, 2));
    }

    @Override
    public byte[] pcr0() {
        return pcr0.clone();
    }

    @Override
    public byte[] pcr1() {
        return pcr1.clone();
    }

    @Override
    public byte[] pcr2() {
        return pcr2.clone();
    }

    /** keccak256(pcr0 ‖ pcr1 ‖ pcr2), what the registry approves. */
    public byte[] pcrHash() {
        return PcrHash.of(pcr0, pcr1, pcr2);
    }

    private static byte[] measure(String release, int index) {
        try {
            return MessageDigest.getInstance("SHA-384")
                    .digest(("proofdesk-demo-enclave:" + release + ":pcr" + index).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
