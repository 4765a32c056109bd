package io.proofdesk.report;

import io.proofdesk.domain.Verdict;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what a report PDF carries: the attached signed JSON, and the counts and hash printed on its cover. */
public final class PdfReportReader {

    private static final Pattern COUNT = Pattern.compile("(?m)^(" + PdfReportExporter.RECORDS_LABEL
            + "|VERIFIED|MISMATCH|UNVERIFIED|ERROR): (\\d+)\\s*$");
    private static final Pattern SHA = Pattern.compile(PdfReportExporter.SHA_LABEL + ": ([0-9a-f]{64})");

    /** The attachment and the cover's text: counts by label ("Records", "VERIFIED", ...) and the printed hash. */
    public record Contents(byte[] attachedJson, Map<String, Long> coverCounts, String coverSha256) {

        /** Where the cover disagrees with the signed report it carries (empty when it agrees). */
        public List<String> coverDisagreements(Report r, String sha256) {
            List<String> problems = new ArrayList<>();
            if (coverSha256 == null) {
                problems.add("the PDF cover does not show the report's SHA-256");
            } else if (!coverSha256.equals(sha256)) {
                problems.add("the PDF cover shows report SHA-256 " + coverSha256 + " but the attached report's is " + sha256);
            }
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put(PdfReportExporter.RECORDS_LABEL, r.summary().records());
            for (Verdict v : Verdict.values()) {
                expected.put(v.name(), r.summary().count(v));
            }
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                Long shown = coverCounts.get(e.getKey());
                if (shown == null) {
                    problems.add("the PDF cover does not show the " + e.getKey() + " count");
                } else if (!shown.equals(e.getValue())) {
                    problems.add("the PDF cover says " + e.getKey() + ": " + shown + ", the signed report says "
                            + e.getValue());
                }
            }
            return problems;
        }
    }

    public Contents read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            byte[] json = attachment(doc);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String cover = text.getText(doc);
            Map<String, Long> counts = new LinkedHashMap<>();
            Matcher m = COUNT.matcher(cover);
            while (m.find()) {
                if (counts.putIfAbsent(m.group(1), Long.parseLong(m.group(2))) != null) {
                    throw new IOException("the cover shows the " + m.group(1) + " count twice");
                }
            }
            Matcher sha = SHA.matcher(cover);
            return new Contents(json, counts, sha.find() ? sha.group(1) : null);
        }
    }

    /** Only the attached signed JSON (no text extraction), for listing a report without checking it. */
    public byte[] attachedJson(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return attachment(doc);
        }
    }

    private static byte[] attachment(PDDocument doc) throws IOException {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> files = tree == null ? null : tree.getNames();
        if (files == null || !files.containsKey(PdfReportExporter.ATTACHMENT)) {
            throw new IOException("the PDF has no attachment " + PdfReportExporter.ATTACHMENT);
        }
        if (files.size() != 1) {
            throw new IOException("the PDF has " + files.size() + " attachments; a Proofdesk report has exactly one");
        }
        PDEmbeddedFile ef = files.get(PdfReportExporter.ATTACHMENT).getEmbeddedFile();
        if (ef == null) {
            throw new IOException("the attachment " + PdfReportExporter.ATTACHMENT + " has no content");
        }
        try (InputStream in = ef.createInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ReportChecker.MAX_FILE_BYTES + 1));
            if (b.length > ReportChecker.MAX_FILE_BYTES) {
                throw new IOException("the attachment is larger than " + ReportChecker.MAX_FILE_BYTES + " bytes");
            }
            return b;
        }
    }
}
