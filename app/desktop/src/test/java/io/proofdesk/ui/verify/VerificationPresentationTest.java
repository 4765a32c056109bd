package io.proofdesk.ui.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.reexec.ComparisonReport;
import io.proofdesk.reexec.ComparisonStatus;
import io.proofdesk.reexec.TensorComparison;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.Verdicts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verification view-models' mapping and arithmetic, without a toolkit. */
class VerificationPresentationTest {

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
    private final RecordId id = RecordId.of("0x" + "ab".repeat(32), 3);

    private static CheckResult line(String name, CheckStatus status, String reason, Map<String, String> details) {
        return new CheckResult(name, status, reason, details);
    }

    private VerdictRecord mismatch() {
        Map<String, String> att = new LinkedHashMap<>();
        att.put("node", "http://127.0.0.1:18601");
        att.put("trustAnchor", "Proofdesk demo attestation root");
        att.put("pcr.2", "cc".repeat(48));
        att.put("pcr.0", "aa".repeat(48));
        att.put("pcr.1", "bb".repeat(48));
        att.put("chain.1", "CN=root");
        att.put("chain.1.issuer", "CN=root");
        att.put("chain.0", "CN=leaf");
        att.put("chain.0.issuer", "CN=root");
        att.put("chain.0.sha256", "00ff");
        List<CheckResult> checks = List.of(
                line("record", CheckStatus.PASS, "receipt found in block 12", Map.of()),
                line("attestation", CheckStatus.PASS, "fresh document", att),
                line("reexecution", CheckStatus.FAIL, "output 'y': 3 elements outside tolerance",
                        Map.of("maxAbsError", "0.5")),
                line("zk-proof", CheckStatus.UNVERIFIED, "zk proof checking not supported", Map.of()),
                line("future-check", CheckStatus.ERROR, "node did not answer", Map.of()));
        Verdict v = Verdicts.overall(checks);
        return new VerdictRecord(id, v, Verdicts.reason(v, checks), Instant.parse("2025-06-02T07:08:09Z"),
                new VerificationEnvironment("0.1.0", "1.29.0", "Linux amd64", "Test CPU", "atol 1.0E-4, rtol 0.0"),
                checks);
    }

    @Test
    @DisplayName("a check line carries glyph + word + colour of its status, words for its name, details without PCRs")
    void checkRows() {
        List<CheckRow> rows = mismatch().checks().stream().map(c -> CheckRow.of(c, strings)).toList();
        assertEquals(List.of(VerdictKind.VERIFIED, VerdictKind.VERIFIED, VerdictKind.MISMATCH, VerdictKind.UNVERIFIED,
                VerdictKind.ERROR), rows.stream().map(CheckRow::look).toList());
        assertEquals(List.of("Pass", "Pass", "Fail", "Unverified", "Error"), rows.stream().map(CheckRow::word).toList());
        assertEquals("Chain record", rows.get(0).label());
        assertEquals("Re-execution", rows.get(2).label());
        assertEquals("future-check", rows.get(4).label(), "an unknown check keeps its stable name");
        assertEquals(List.of("node", "trustAnchor"), rows.get(1).details().stream().map(Map.Entry::getKey).toList());
        assertEquals(List.of(false, false, true, false, true), rows.stream().map(CheckRow::failed).toList());
    }

    @Test
    @DisplayName("the summary of a MISMATCH names the failing checks, the environment and the time")
    void summary() {
        VerdictSummary s = VerdictSummary.of(mismatch(), strings);
        assertEquals(VerdictKind.MISMATCH, s.kind());
        assertTrue(s.isMismatch());
        assertEquals("Mismatch", s.word());
        assertEquals("reexecution: output 'y': 3 elements outside tolerance", s.reason());
        assertEquals(List.of("Re-execution", "future-check"), s.failingChecks());
        assertTrue(s.environment().contains("ONNX Runtime 1.29.0"), s.environment());
        assertTrue(s.environment().contains("Test CPU") && s.environment().contains("Linux amd64"), s.environment());
        assertTrue(s.environment().contains("atol 1.0E-4, rtol 0.0"), s.environment());
        assertEquals("Checked 2025-06-02 07:08:09 UTC", s.checkedAt());
        VerdictSummary none = VerdictSummary.notChecked(strings);
        assertEquals(VerdictKind.NOT_CHECKED, none.kind());
        assertTrue(none.failingChecks().isEmpty());
    }

    @Test
    @DisplayName("attestation facts: PCRs in index order, the chain leaf first, the trust anchor")
    void attestation() {
        AttestationFacts a = AttestationFacts.of(mismatch().checks()).orElseThrow();
        assertEquals(List.of(0, 1, 2), a.pcrs().stream().map(AttestationFacts.Pcr::index).toList());
        assertEquals("aa".repeat(48), a.pcrs().getFirst().hex());
        assertEquals(List.of("CN=leaf", "CN=root"), a.chain().stream().map(AttestationFacts.Certificate::subject).toList());
        assertEquals("00ff", a.chain().getFirst().sha256());
        assertEquals("Proofdesk demo attestation root", a.trustAnchor());
        assertTrue(AttestationFacts.of(List.of(CheckResult.pass("record"))).isEmpty());
        assertNull(AttestationFacts.of(Map.of("trustAnchor", "null")).trustAnchor(), "no anchor when the chain failed");
    }

    @ParameterizedTest(name = "atol \"{0}\", rtol \"{1}\" -> {2}")
    @CsvSource(value = {
            "'', '', FROM_CLAIM, ,",
            "'  ', ' ', FROM_CLAIM, ,",
            "1e-4, '', GIVEN, 0.0001, 0",
            "'', 0.001, GIVEN, 0, 0.001",
            "0, 0, GIVEN, 0, 0",
            "abc, '', INVALID, ,",
            "-1, '', INVALID, ,",
            "1e-4, NaN, INVALID, ,",
            "Infinity, '', INVALID, ,",
            "1d, '', INVALID, ,"})
    void tolerance(String atol, String rtol, String kind, Double a, Double r) {
        ToleranceInput in = ToleranceInput.parse(atol, rtol);
        switch (kind) {
            case "FROM_CLAIM" -> {
                assertInstanceOf(ToleranceInput.FromClaim.class, in);
                assertNull(in.toleranceOrNull());
            }
            case "GIVEN" -> {
                Tolerance t = in.toleranceOrNull();
                assertEquals(a, t.atol());
                assertEquals(r, t.rtol());
            }
            default -> {
                ToleranceInput.Invalid bad = assertInstanceOf(ToleranceInput.Invalid.class, in);
                assertEquals(number(atol) ? "rtol" : "atol", bad.field());
                assertThrows(IllegalStateException.class, in::toleranceOrNull);
            }
        }
    }

    private static boolean number(String s) {
        return ToleranceInput.parse(s, "") instanceof ToleranceInput.Given;
    }

    @ParameterizedTest(name = "shape {0} is drawn as {1} x {2}, image-like {3}")
    @CsvSource({"'1,1,8,8', 8, 8, true", "'1,10', 1, 10, false", "'10', 1, 10, false", "'1,3,4,5', 12, 5, true",
            "'1', 1, 1, false", "'2,1', 2, 1, false"})
    void layout(String shape, int rows, int columns, boolean imageLike) {
        long[] s = java.util.Arrays.stream(shape.split(",")).mapToLong(Long::parseLong).toArray();
        TensorLayout l = TensorLayout.of(s).orElseThrow();
        assertEquals(List.of(rows, columns, imageLike), List.of(l.rows(), l.columns(), l.imageLike()));
        assertTrue(TensorLayout.of(new long[] {2048, 2048}).isEmpty(), "too large to draw");
    }

    @Test
    @DisplayName("heatmap scaling: shared range, ends of the scale, empty range, NaN marker, symmetric differences")
    void heatmaps() {
        double[] claimed = {0, 1, 2, 3};
        double[] local = {0, 1, 2, 7};
        assertEquals(List.of(0.0, 7.0), List.of(Heatmap.range(claimed, local)[0], Heatmap.range(claimed, local)[1]));
        TensorLayout row = new TensorLayout(1, 4, false);
        Heatmap c = Heatmap.values(claimed, row, 0, 7);
        Heatmap l = Heatmap.values(local, row, 0, 7);
        assertEquals(c.argb()[0], l.argb()[0], "equal values, equal colours on a shared scale");
        assertNotEquals(c.argb()[3], l.argb()[3]);
        assertEquals(0xff440154, l.argb()[0], "the low end of the scale");
        assertEquals(0xfffde725, l.argb()[3], "the high end of the scale");
        assertEquals(0.5, Heatmap.position(5, 5, 5), "an empty range maps to the middle");
        assertEquals(0.0, Heatmap.position(-3, 0, 7));
        assertEquals(1.0, Heatmap.position(9, 0, 7));
        Heatmap nan = Heatmap.values(new double[] {Double.NaN, 1, 2, 3}, row, 1, 3);
        assertEquals(Heatmap.NOT_A_NUMBER, nan.argb()[0]);
        Heatmap d = Heatmap.differences(new double[] {-2, 0, 1, 2}, row);
        assertEquals(-2.0, d.low());
        assertEquals(2.0, d.high());
        assertEquals(0xff2166ac, d.argb()[0], "most negative: blue end");
        assertEquals(0xffe6e6e6, d.argb()[1], "zero: the neutral middle");
        assertEquals(0xffb2182b, d.argb()[3], "most positive: red end");
        assertEquals(0xffe6e6e6, Heatmap.differences(new double[4], row).argb()[2], "all equal: neutral");
        assertThrows(IllegalArgumentException.class, () -> Heatmap.values(new double[3], row, 0, 1));
        Heatmap square = Heatmap.values(new double[] {0, 1, 2, 3}, new TensorLayout(2, 2, true), 0, 3);
        Heatmap big = square.enlarged(10);
        assertEquals(List.of(10, 10), List.of(big.width(), big.height()), "5 x 5 pixels per element");
        assertEquals(square.argb()[1], big.argb()[2 * 10 + 7], "pixel (7, 2) is element (row 0, column 1)");
        assertEquals(square.argb()[2], big.argb()[9 * 10 + 0], "pixel (0, 9) is element (row 1, column 0)");
    }

    @Test
    @DisplayName("claimed vs local from a real comparison: value rows, within-tolerance flags, pictures, statistics")
    void outputComparison() {
        Tensor local = Tensor.ofFloats("y", new long[] {1, 4}, new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        Tensor claimed = Tensor.ofFloats("y", new long[] {1, 4}, new float[] {0.1f, 0.2f, 0.9f, 0.40001f});
        Tolerance tol = Tolerance.of(1e-3, 0);
        ComparisonReport report = new TensorComparison().compareAll(List.of(claimed), List.of(local), tol);
        ReexecutionOutcome outcome = new ReexecutionOutcome(CheckResult.pass("reexecution"), Optional.of(report),
                List.of(Tensor.ofFloats("x", new long[] {1, 1, 2, 2}, new float[] {0, 1, 2, 3})), List.of(local),
                List.of(claimed), Duration.ofNanos(42_000));
        ComparisonView view = ComparisonView.of(outcome).orElseThrow();
        OutputComparison o = view.outputs().getFirst();
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, o.status());
        assertFalse(o.matches());
        assertEquals(List.of(true, true, false, true), o.rows().stream().map(OutputComparison.ValueRow::within).toList());
        assertEquals("0.9000000", o.rows().get(2).claimed());
        assertEquals("0.3000000", o.rows().get(2).local());
        assertEquals("-6.000e-01", o.rows().get(2).difference());
        assertEquals(1, o.outOfTolerance());
        assertEquals(0.6, o.maxAbsError(), 1e-6);
        assertEquals("atol 0.001, rtol 0.0", o.tolerance());
        OutputComparison.Pictures p = o.pictures().orElseThrow();
        assertEquals(4 * 60, p.difference().width(), "a vector is drawn as a strip of 60-pixel cells");
        assertEquals(40, p.difference().height());
        assertEquals(1, view.inputs().size(), "the 2 x 2 input is drawn");
        assertEquals(Duration.ofNanos(42_000), view.runTime());
        assertTrue(ComparisonView.of(ReexecutionOutcome.without(CheckResult.pass("reexecution"))).isEmpty());
    }

    @Test
    @DisplayName("a large output is summarised: statistics and pictures, no value table")
    void largeOutput() {
        float[] v = new float[256];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 256f;
        }
        Tensor local = Tensor.ofFloats("map", new long[] {1, 16, 16}, v);
        TensorComparison cmp = new TensorComparison();
        OutputComparison o = OutputComparison.of(cmp.compare(local, local, Tolerance.exact()), Optional.of(local),
                Optional.of(local));
        assertEquals(ComparisonStatus.EXACT, o.status());
        assertTrue(o.rows().isEmpty());
        assertEquals(16, o.pictures().orElseThrow().layout().rows());
    }
}
