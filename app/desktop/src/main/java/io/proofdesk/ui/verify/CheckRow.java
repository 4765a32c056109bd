package io.proofdesk.ui.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.ui.controls.VerdictKind;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One check line as the detail view shows it: the status as glyph + word + colour (through {@link VerdictKind}),
 * the check's name in words, why, and its details (the attestation's PCRs and chain have their own card).
 */
public record CheckRow(String name, String label, CheckStatus status, VerdictKind look, String word, String reason,
                       List<Map.Entry<String, String>> details) {

    public static CheckRow of(CheckResult c, ResourceBundle strings) {
        String reason = c.reason() == null || c.reason().isBlank() ? "" : c.reason();
        List<Map.Entry<String, String>> details = c.details().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("pcr.") && !e.getKey().startsWith("chain."))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
        return new CheckRow(c.name(), checkLabel(c.name(), strings), c.status(), look(c.status()),
                strings.getString("check.status." + c.status().name()), reason, details);
    }

    /**
     * PASS looks like VERIFIED, FAIL like MISMATCH: one set of colours and glyphs for verdicts and lines; a line that
     * does not apply looks like a record not checked (grey), with its own word.
     */
    public static VerdictKind look(CheckStatus s) {
        return switch (s) {
            case PASS -> VerdictKind.VERIFIED;
            case FAIL -> VerdictKind.MISMATCH;
            case UNVERIFIED -> VerdictKind.UNVERIFIED;
            case ERROR -> VerdictKind.ERROR;
            case NOT_APPLICABLE -> VerdictKind.NOT_CHECKED;
        };
    }

    /** "Attestation" for "attestation"; a check this build has no words for keeps its stable name. */
    public static String checkLabel(String name, ResourceBundle strings) {
        String key = "check.name." + name;
        return strings.containsKey(key) ? strings.getString(key) : name;
    }

    public boolean failed() {
        return status == CheckStatus.FAIL || status == CheckStatus.ERROR;
    }
}
