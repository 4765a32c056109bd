package io.proofdesk.report;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-report on a JSON report: any bytes get an outcome, never an exception; VALID only with no problems. */
class ReportJsonFuzzTest {

    private static final ReportChecker CHECKER = new ReportChecker();

    @FuzzTest(maxDuration = "5m")
    void checkJson(byte[] file) {
        ReportCheckResult r = CHECKER.checkJson(file, Optional.of(FuzzKeys.TEST_AUDITOR));
        assertNotNull(r.outcome());
        assertTrue(r.outcome() != ReportCheckResult.Outcome.VALID || r.problems().isEmpty(), r.problems()::toString);
    }
}
