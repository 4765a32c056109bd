package io.proofdesk.ui.reports;

import io.proofdesk.report.ReportNetwork;

import java.nio.file.Path;

/**
 * One export as the panel describes it: the records, the title, the folder, the file name without extension, and
 * which of the JSON and the PDF to write (at least one). The network is the one the app reads from when it starts.
 */
public record ExportRequest(ExportSelection selection, String title, Path folder, String baseName, boolean json,
                            boolean pdf, ReportNetwork network) {

    public Path jsonPath() {
        return json ? folder.resolve(baseName + ".json") : null;
    }

    public Path pdfPath() {
        return pdf ? folder.resolve(baseName + ".pdf") : null;
    }
}
