package io.proofdesk.gateway;

import java.util.Objects;

/** One labelled line of a response check: what was compared and how it came out. */
public record GatewayCheckLine(Status status, String text) {

    public enum Status {
        PASSED,
        FAILED,
        /** The user gave nothing to check this against (no --request): not a reason for any verdict. */
        NOT_GIVEN,
        /** Needed but impossible here (no key, unknown TEE, a request shape not reproduced): CANNOT_CHECK. */
        NOT_CHECKED
    }

    public GatewayCheckLine {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }

    public static GatewayCheckLine passed(String text) {
        return new GatewayCheckLine(Status.PASSED, text);
    }

    public static GatewayCheckLine failed(String text) {
        return new GatewayCheckLine(Status.FAILED, text);
    }

    public static GatewayCheckLine notGiven(String text) {
        return new GatewayCheckLine(Status.NOT_GIVEN, text);
    }

    public static GatewayCheckLine notChecked(String text) {
        return new GatewayCheckLine(Status.NOT_CHECKED, text);
    }
}
