package io.proofdesk.gateway;

import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;

import java.time.Instant;
import java.util.List;

/**
 * Whether a TEE was registered and enabled when a response was signed: the fold of its REGISTERED / ENABLED /
 * DISABLED events up to that time — not today's flag, since a TEE disabled later (a PCR set revoked for a new
 * release) signed honestly before. Without event times to fold, the store's current flag is all there is, and the
 * line says so.
 */
final class RegistryStatusAt {

    private RegistryStatusAt() {
    }

    static GatewayCheckLine line(RegisteredTee reg, Instant signedAt, String keyText, String asOf) {
        String id = reg.tee().teeId();
        List<TeeEvent> status = reg.history().stream().filter(e -> switch (e.kind()) {
            case REGISTERED, ENABLED, DISABLED -> true;
            default -> false;
        }).toList();
        // a store synced from a later block lacks the registration: then the fold would start from nothing
        boolean timed = signedAt != null && status.stream().anyMatch(e -> e.kind() == TeeEventKind.REGISTERED)
                && status.stream().allMatch(e -> e.timestamp() != null);
        if (!timed) {
            return reg.tee().enabled()
                    ? GatewayCheckLine.passed(keyText + "; enabled (" + asOf + ": the registry history has no times "
                            + "to check the response's time against)")
                    : GatewayCheckLine.failed("TEE " + id + " is disabled in the registry (" + asOf + ")");
        }
        boolean registered = false;
        boolean enabled = false;
        TeeEvent last = null;
        for (TeeEvent e : status) {
            if (e.timestamp().isAfter(signedAt)) {
                break;
            }
            switch (e.kind()) {
                case REGISTERED -> {
                    registered = true;
                    enabled = true;
                }
                case ENABLED -> enabled = true;
                default -> enabled = false;
            }
            last = e;
        }
        if (!registered) {
            return GatewayCheckLine.failed("TEE " + id + " was not registered yet when the response was signed ("
                    + signedAt + "; registered at " + registration(status).timestamp() + ", block "
                    + registration(status).blockNumber() + ")");
        }
        if (!enabled) {
            return GatewayCheckLine.failed("TEE " + id + " was disabled when the response was signed (" + signedAt
                    + "; disabled at " + last.timestamp() + ", block " + last.blockNumber() + ")");
        }
        return GatewayCheckLine.passed(keyText + "; registered and enabled when the response was signed (" + signedAt
                + ")" + (reg.tee().enabled() ? "" : "; disabled since, " + asOf));
    }

    private static TeeEvent registration(List<TeeEvent> status) {
        return status.stream().filter(e -> e.kind() == TeeEventKind.REGISTERED).findFirst().orElseThrow();
    }
}
