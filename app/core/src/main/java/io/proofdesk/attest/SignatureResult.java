package io.proofdesk.attest;

import java.util.Objects;

/** VALID, or INVALID with the reason a person can read. */
public record SignatureResult(CheckStatus status, String reason) {

    public SignatureResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static SignatureResult valid() {
        return new SignatureResult(CheckStatus.VALID, "signature verifies");
    }

    public static SignatureResult invalid(String reason) {
        return new SignatureResult(CheckStatus.INVALID, reason);
    }

    public boolean isValid() {
        return status == CheckStatus.VALID;
    }
}
