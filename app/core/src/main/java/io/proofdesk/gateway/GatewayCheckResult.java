package io.proofdesk.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What checking one gateway response found: its format, the TEE and time it names, one line per check (request hash,
 * output hash, key, signature), the verdict they add up to and the reasons for it. Any failed line makes it INVALID;
 * otherwise any line that could not be checked makes it CANNOT_CHECK. {@code format}, {@code teeId},
 * {@code timestamp} and the lines are null when the file was unreadable or of no known format.
 */
public record GatewayCheckResult(GatewayVerdict verdict, GatewayFormat format, String teeId, String timestamp,
                                 GatewayCheckLine request, GatewayCheckLine output, GatewayCheckLine key,
                                 GatewayCheckLine signature, List<String> reasons) {

    public GatewayCheckResult {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
    }

    public static GatewayCheckResult unreadable(String reason) {
        return new GatewayCheckResult(GatewayVerdict.UNREADABLE, null, null, null, null, null, null, null,
                List.of(reason));
    }

    public static GatewayCheckResult cannotCheck(GatewayFormat format, String reason) {
        return new GatewayCheckResult(GatewayVerdict.CANNOT_CHECK, format, null, null, null, null, null, null,
                List.of(reason));
    }

    static GatewayCheckResult of(GatewayFormat format, String teeId, String timestamp, GatewayCheckLine request,
                                 GatewayCheckLine output, GatewayCheckLine key, GatewayCheckLine signature) {
        Map<String, GatewayCheckLine> lines = labelled(request, output, key, signature);
        List<String> failed = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        lines.forEach((label, line) -> {
            switch (line.status()) {
                case FAILED -> failed.add(label + ": " + line.text());
                case NOT_CHECKED -> unchecked.add(label + ": " + line.text());
                default -> {
                    // passed, or nothing given to compare: no reason for the verdict
                }
            }
        });
        GatewayVerdict verdict = !failed.isEmpty() ? GatewayVerdict.INVALID
                : !unchecked.isEmpty() ? GatewayVerdict.CANNOT_CHECK : GatewayVerdict.VALID;
        List<String> reasons = new ArrayList<>(failed);
        reasons.addAll(unchecked);
        return new GatewayCheckResult(verdict, format, teeId, timestamp, request, output, key, signature, reasons);
    }

    /** The check lines by label ("request", "output", "key", "signature"), in that order; empty if none were made. */
    public Map<String, GatewayCheckLine> lines() {
        return labelled(request, output, key, signature);
    }

    private static Map<String, GatewayCheckLine> labelled(GatewayCheckLine request, GatewayCheckLine output,
                                                          GatewayCheckLine key, GatewayCheckLine signature) {
        Map<String, GatewayCheckLine> lines = new LinkedHashMap<>();
        if (request != null) {
            lines.put("request", request);
        }
        if (output != null) {
            lines.put("output", output);
        }
        if (key != null) {
            lines.put("key", key);
        }
        if (signature != null) {
            lines.put("signature", signature);
        }
        return lines;
    }
}
