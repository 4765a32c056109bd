package io.proofdesk.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Verdict;
import io.proofdesk.verify.checks.CheckLines;
import io.proofdesk.verify.checks.NotReexecutableCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A NOT_APPLICABLE line decides nothing: the other lines reach the verdict. */
class NotApplicableVerdictsTest {

    private static final CheckResult NA = new NotReexecutableCheck().check(null);

    @Test
    @DisplayName("passing lines and the not-re-executable line: VERIFIED, and the reason says what did not apply")
    void passesStayVerified() {
        List<CheckResult> lines = List.of(CheckResult.pass("signature"), CheckResult.pass("blob"), NA);
        assertEquals(Verdict.VERIFIED, Verdicts.overall(lines));
        assertEquals("all 2 applicable checks passed (reexecution: LLM output: not re-executable)",
                Verdicts.reason(Verdict.VERIFIED, lines));
    }

    @Test
    @DisplayName("a failing line is still a MISMATCH, an unverified one UNVERIFIED; only NA lines are UNVERIFIED")
    void otherLinesDecide() {
        assertEquals(Verdict.MISMATCH, Verdicts.overall(List.of(CheckLines.fail("signature", "bad"), NA)));
        assertEquals(Verdict.UNVERIFIED, Verdicts.overall(List.of(CheckLines.unverified("blob", "gone"), NA)));
        assertEquals(Verdict.UNVERIFIED, Verdicts.overall(List.of(NA)));
    }
}
