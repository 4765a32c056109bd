package io.proofdesk.devnet.tee;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Deterministic randomness for the demo network, so a devnet started with the same seed has the same keys,
 * certificates and signatures. SHA1PRNG seeded before its first use is fully determined by the seed; this is a
 * demo-only property and must never be used for real keys.
 */
public final class SeededRandom {

    private SeededRandom() {
    }

    public static SecureRandom of(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("proofdesk-devnet:" + seed).getBytes(StandardCharsets.UTF_8));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }
}
