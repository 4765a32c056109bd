package io.proofdesk.attest;

import java.util.Objects;

/** VALID, or INVALID with the reason a person can read. */
public record SignatureResult(CryptoCheckStatus status, String reason) {

    public SignatureResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static SignatureResult valid() {
        return new SignatureResult(CryptoCheckStatus.VALID, "signature verifies");
    }

    public static SignatureResult invalid(String reason) {
        return new SignatureResult(CryptoCheckStatus.INVALID, reason);
    }

    public boolean isValid() {
        return status == CryptoCheckStatus.VALID;
    }
}
