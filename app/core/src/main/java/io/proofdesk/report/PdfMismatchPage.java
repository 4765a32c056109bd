package io.proofdesk.report;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

/** One MISMATCH record's page: what it claims, its failing checks (then the others), and the output pictures. */
final class PdfMismatchPage {

    private static final Color FAIL = PdfReportExporter.COLORS.get(io.proofdesk.domain.Verdict.MISMATCH);
    private final PdfPageWriter w;
    private final ReportModelNames models;

    PdfMismatchPage(PdfPageWriter w, ReportModelNames models) {
        this.w = w;
        this.models = models;
    }

    void draw(ReportRecord r, int number) throws IOException {
        w.newPage();
        float x = PdfPageWriter.MARGIN;
        float width = PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN;
        w.rect(x - 2, w.y - 6, width + 4, 24, new Color(0xfb, 0xe9, 0xe7));
        w.text(w.bold, 14, x + 4, w.y, "Mismatch - record " + number);
        w.y -= 30;
        w.text(w.mono, 8, x, w.y, r.id());
        w.y -= 16;
        kv("Mode", r.mode() + ", settled " + r.settlement().toLowerCase(java.util.Locale.ROOT));
        kv("Model", models.describe(r.model(), r.modelVersion()));
        if (r.teeId() != null) {
            kv("TEE", r.teeId());
        }
        if (r.node() != null) {
            kv("Node", r.node());
        }
        kv("Block", r.block() + " at " + r.timestamp());
        kv("Checked", r.checkedAt() + (r.tolerance() == null ? "" : ", tolerance " + r.tolerance()));
        if (r.evidence() != null) {
            kv("Evidence", r.evidence().level() + " - " + r.evidence().detail());
        }
        w.y -= 4;
        w.text(w.bold, 10, x, w.y, "Why");
        w.y -= 13;
        w.paragraph(w.regular, 9, x, width, r.reason());
        w.y -= 8;
        w.text(w.bold, 11, x, w.y, "Checks");
        w.y -= 15;
        for (ReportCheckLine c : r.checks()) {
            boolean failed = c.status().equals("FAIL") || c.status().equals("ERROR");
            if (failed) {
                checkLine(c, true);
            }
        }
        for (ReportCheckLine c : r.checks()) {
            boolean failed = c.status().equals("FAIL") || c.status().equals("ERROR");
            if (!failed) {
                checkLine(c, false);
            }
        }
        w.y -= 8;
        if (r.outputs() == null || r.outputs().tensors().isEmpty()) {
            w.paragraph(w.regular, 9, x, width, "Claimed and local outputs are not part of this report: the record "
                    + "was not re-executed when the report was written, or the model could not be run. The "
                    + "reexecution line above holds the comparison's numbers.");
            return;
        }
        int shown = 0;
        for (ReportOutputs.Pair p : r.outputs().tensors()) {
            if (shown++ == 3) {
                w.paragraph(w.regular, 9, x, width, (r.outputs().tensors().size() - 3) + " more outputs are in the JSON.");
                break;
            }
            output(p);
        }
    }

    private void kv(String k, String v) throws IOException {
        float x = PdfPageWriter.MARGIN;
        w.text(w.regular, 9, x, w.y, k + ":");
        w.text(w.regular, 9, x + 60, w.y, w.regular.fit(v, 9, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN - 60));
        w.y -= 12;
    }

    private void checkLine(ReportCheckLine c, boolean failed) throws IOException {
        float x = PdfPageWriter.MARGIN;
        float width = PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN;
        w.ensure(28);
        Color color = switch (c.status()) {
            case "PASS" -> PdfReportExporter.COLORS.get(io.proofdesk.domain.Verdict.VERIFIED);
            case "FAIL" -> FAIL;
            case "ERROR" -> PdfReportExporter.COLORS.get(io.proofdesk.domain.Verdict.ERROR);
            default -> PdfReportExporter.COLORS.get(io.proofdesk.domain.Verdict.UNVERIFIED);
        };
        w.rect(x, w.y - 1, 6, 6, color);
        w.text(failed ? w.bold : w.regular, 9, x + 10, w.y, c.name());
        w.text(w.bold, 8, x + 100, w.y, c.status());
        String reason = c.reason() == null ? "" : c.reason();
        float rx = x + 160;
        boolean first = true;
        for (String l : w.regular.wrap(reason, 8, width - 160)) {
            if (!first) {
                w.ensure(12);
            }
            w.text(w.regular, 8, rx, w.y, l);
            w.y -= 10;
            first = false;
        }
        if (first) {
            w.y -= 10;
        }
        if (failed) {
            for (Map.Entry<String, String> d : c.details().entrySet()) {
                w.ensure(12);
                w.text(w.mono, 7, rx, w.y, w.mono.fit(d.getKey() + " = " + d.getValue(), 7, width - 160));
                w.y -= 9;
            }
        }
        w.y -= 3;
    }

    private void output(ReportOutputs.Pair p) throws IOException {
        float x = PdfPageWriter.MARGIN;
        float width = PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN;
        w.ensure(170);
        double[] claimed = numbers(p.claimed());
        double[] local = numbers(p.local());
        int shown = Math.min(DiffImages.MAX_SHOWN, Math.max(claimed.length, local.length));
        w.text(w.bold, 10, x, w.y, "Output '" + p.name() + "' " + p.shape() + ": claimed vs local"
                + (shown < p.elements() ? " (first " + shown + " of " + p.elements() + " elements)" : ""));
        w.y -= 12;
        w.rect(x, w.y - 1, 8, 8, DiffImages.CLAIMED);
        w.text(w.regular, 8, x + 11, w.y, "claimed by the record");
        w.rect(x + 110, w.y - 1, 8, 8, DiffImages.LOCAL);
        w.text(w.regular, 8, x + 121, w.y, "local ONNX Runtime run");
        w.y -= 8;
        float h = 90;
        w.image(DiffImages.bars(claimed, local, 990, 180), x, w.y - h, width, h);
        w.y -= h + 6;
        w.image(DiffImages.heat(claimed, local, 990, 24), x, w.y - 12, width, 12);
        w.y -= 22;
        double maxDiff = 0;
        int worst = -1;
        for (int i = 0; i < Math.min(claimed.length, local.length); i++) {
            double d = Math.abs(local[i] - claimed[i]);
            if (d > maxDiff || (Double.isNaN(d) && worst < 0)) {
                maxDiff = d;
                worst = i;
            }
        }
        String worstText = worst < 0 ? "claimed and local values are equal"
                : "largest |local - claimed| = " + maxDiff + " at element " + worst + " (claimed " + p.claimed().get(worst)
                + ", local " + p.local().get(worst) + ")";
        w.text(w.regular, 8, x, w.y, "difference per element, white = equal, red = largest; " + worstText);
        w.y -= 18;
    }

    private static double[] numbers(java.util.List<String> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
