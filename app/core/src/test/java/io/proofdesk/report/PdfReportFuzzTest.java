package io.proofdesk.report;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * check-report on a PDF report: any bytes get an outcome, never an exception (PDFBox, the attachment, the page
 * comparison and the CMS signature check all see the hostile bytes). Seeds are signed PDFs of the test auditor.
 */
class PdfReportFuzzTest {

    private static final ReportChecker CHECKER = new ReportChecker();

    @FuzzTest(maxDuration = "10m")
    void checkPdf(byte[] pdf) {
        ReportCheckResult r = CHECKER.checkPdf(pdf, Optional.of(FuzzKeys.TEST_AUDITOR));
        assertNotNull(r.outcome());
        assertTrue(r.outcome() != ReportCheckResult.Outcome.VALID || r.problems().isEmpty(), r.problems()::toString);
    }
}
