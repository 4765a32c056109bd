package io.proofdesk.report;

import io.proofdesk.domain.Verdict;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * A report PDF's records table: {@value PdfReportExporter#ROWS_PER_PAGE} rows per page in the report's order. A
 * report that carries evidence levels has an Evidence column beside the verdict and a line saying what the levels
 * mean; older reports are drawn exactly as the Proofdesk that wrote them drew them.
 */
final class PdfRecordTable {

    static final String EVIDENCE_LEGEND = "PROVED: receipt proved up to a trusted checkpoint. AGREED: K of N sources "
            + "agreed. TRUSTED: one endpoint, not proved.";

    private static final float[] COLS = {0, 22, 135, 178, 290, 330, 400};
    private static final String[] HEADS = {"#", "Record", "Mode", "Model", "Block", "Verdict", "Failed checks"};
    private static final float[] EVIDENCE_COLS = {0, 22, 135, 175, 287, 325, 373, 437};
    private static final String[] EVIDENCE_HEADS = {"#", "Record", "Mode", "Model", "Block", "Evidence", "Verdict",
        "Failed checks"};

    private final PdfPageWriter w;
    private final ReportModelNames models;

    PdfRecordTable(PdfPageWriter w, ReportModelNames models) {
        this.w = w;
        this.models = models;
    }

    void draw(Report r) throws IOException {
        boolean evidence = r.carriesEvidence();
        float[] cols = evidence ? EVIDENCE_COLS : COLS;
        String[] heads = evidence ? EVIDENCE_HEADS : HEADS;
        List<ReportRecord> records = r.records();
        int perPage = PdfReportExporter.ROWS_PER_PAGE;
        for (int start = 0; start < Math.max(1, records.size()); start += perPage) {
            w.newPage();
            float x = PdfPageWriter.MARGIN;
            w.text(w.bold, 14, x, w.y, "Records" + (records.size() > perPage
                    ? " " + (start + 1) + "-" + Math.min(records.size(), start + perPage) + " of " + records.size()
                    : ""));
            if (r.ofSchema1()) {
                w.y -= 22;
            } else {
                w.y -= 14;
                w.text(w.regular, 8, x, w.y, PdfReportExporter.TABLE_ORDER);
                w.y -= 14;
            }
            if (evidence) {
                w.text(w.regular, 8, x, w.y + 2, w.regular.fit(EVIDENCE_LEGEND, 8,
                        PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN));
                w.y -= 14;
            }
            w.rect(x - 2, w.y - 4, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN + 4, 15, new Color(0xe3, 0xea, 0xf3));
            for (int c = 0; c < heads.length; c++) {
                w.text(w.bold, 8, x + cols[c], w.y, heads[c]);
            }
            w.y -= 15;
            if (records.isEmpty()) {
                w.text(w.regular, 9, x, w.y, "This report holds no records.");
            }
            for (int i = start; i < Math.min(records.size(), start + perPage); i++) {
                row(records.get(i), i + 1, i % 2 == 1, evidence);
            }
        }
    }

    private void row(ReportRecord rec, int number, boolean shaded, boolean evidence) throws IOException {
        float x = PdfPageWriter.MARGIN;
        if (shaded) {
            w.rect(x - 2, w.y - 4, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN + 4, 14, new Color(0xf6, 0xf6, 0xf6));
        }
        String id = rec.txHash().substring(0, 14) + ".." + rec.txHash().substring(62) + ":" + rec.logIndex()
                + (rec.leafIndex() == null ? "" : "#" + rec.leafIndex());
        List<String> cells = new java.util.ArrayList<>(List.of(Integer.toString(number), id, rec.mode(),
                models.label(rec.model(), rec.modelVersion()), Long.toString(rec.block())));
        if (evidence) {
            cells.add(rec.evidenceOrNotRecorded().level().name());
        }
        cells.add(rec.verdict());
        cells.add(String.join(", ", rec.failedChecks()));
        float[] cols = evidence ? EVIDENCE_COLS : COLS;
        int verdictColumn = evidence ? 6 : 5;
        for (int c = 0; c < cells.size(); c++) {
            float width = (c + 1 < cols.length ? cols[c + 1] : PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN)
                    - cols[c] - 4;
            PdfText f = c == 1 ? w.mono : c == verdictColumn ? w.bold : w.regular;
            if (c == verdictColumn) {
                w.rect(x + cols[c], w.y - 1, 6, 6, PdfReportExporter.COLORS.get(Verdict.valueOf(rec.verdict())));
                w.text(f, 8, x + cols[c] + 9, w.y, f.fit(cells.get(c), 8, width - 9));
            } else {
                w.text(f, 8, x + cols[c], w.y, f.fit(cells.get(c), 8, width));
            }
        }
        w.y -= 14;
    }
}
