package io.proofdesk.ui.verify;

import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.inferences.InferenceFormat;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The top of the detail's verification: the verdict (glyph + word + colour), its reason, the checks that did not
 * pass, where it was reached (ONNX Runtime, CPU, OS, tolerance) and when. NOT_CHECKED before any verdict.
 */
public record VerdictSummary(VerdictKind kind, String word, String reason, List<String> failingChecks,
                             String environment, String checkedAt) {

    public VerdictSummary {
        failingChecks = List.copyOf(failingChecks);
    }

    public static VerdictSummary notChecked(ResourceBundle strings) {
        return new VerdictSummary(VerdictKind.NOT_CHECKED, strings.getString(VerdictKind.NOT_CHECKED.wordKey()),
                strings.getString("verification.notChecked"), List.of(), "", "");
    }

    public static VerdictSummary of(VerdictRecord v, ResourceBundle strings) {
        VerdictKind kind = VerdictKind.of(v.verdict());
        List<String> failing = v.checks().stream().map(c -> CheckRow.of(c, strings)).filter(CheckRow::failed)
                .map(CheckRow::label).toList();
        return new VerdictSummary(kind, strings.getString(kind.wordKey()), v.reason() == null ? "" : v.reason(),
                failing, environment(v.environment(), strings),
                MessageFormat.format(strings.getString("verification.checkedAt"), InferenceFormat.time(v.checkedAt())));
    }

    /** Empty when nothing is known of it (verdicts stored without an environment). */
    public static String environment(VerificationEnvironment e, ResourceBundle strings) {
        if (e.ortVersion() == null && e.cpu() == null && e.os() == null && e.tolerance() == null
                && e.proofdeskVersion() == null) {
            return "";
        }
        String none = strings.getString("common.none");
        return MessageFormat.format(strings.getString("verification.environment"), or(e.ortVersion(), none),
                or(e.cpu(), none), or(e.os(), none), or(e.tolerance(), none), or(e.proofdeskVersion(), none));
    }

    private static String or(String value, String none) {
        return value == null || value.isBlank() ? none : value;
    }

    public boolean isMismatch() {
        return kind == VerdictKind.MISMATCH;
    }
}
