package io.proofdesk.report.bundle;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Gives the attestation check the nonce the exporter asked the node with, instead of a fresh one: offline, the
 * question is whether the bundled document answered the exporter's request, not a new one.
 */
final class RecordedNonce extends SecureRandom {

    private final byte[] nonce;

    RecordedNonce(byte[] nonce) {
        this.nonce = nonce.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
        System.arraycopy(nonce, 0, bytes, 0, Math.min(nonce.length, bytes.length));
    }
}
