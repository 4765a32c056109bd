package io.proofdesk.verify;

import io.proofdesk.reexec.Tolerance;

import java.time.Duration;

/**
 * Choices a user makes for a verification run. {@code tolerance} null: each output's tolerance comes from the
 * precision its claim was written with. {@code maxAttestationAge}: how old a node's document may be (freshly
 * asked for, so only clock skew and a replay make it old).
 */
public record VerifierOptions(Tolerance tolerance, Duration maxAttestationAge) {

    public static final Duration DEFAULT_MAX_ATTESTATION_AGE = Duration.ofMinutes(10);

    public VerifierOptions {
        maxAttestationAge = maxAttestationAge == null ? DEFAULT_MAX_ATTESTATION_AGE : maxAttestationAge;
    }

    public static VerifierOptions defaults() {
        return new VerifierOptions(null, DEFAULT_MAX_ATTESTATION_AGE);
    }

    /** The tolerance as the environment line shows it. */
    public String toleranceText() {
        return tolerance == null ? "from each claim's decimals" : tolerance.basis();
    }
}
