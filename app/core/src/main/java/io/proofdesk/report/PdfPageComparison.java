package io.proofdesk.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares every page of a report PDF with the pages its signed JSON renders ({@link PdfReportExporter#render}, the
 * renderer that drew it): the number of pages, each page's text (PDFBox text extraction, whitespace runs folded to one
 * space, blank lines dropped) and each page's pictures ({@link PdfPagePictures}). Vector drawing (bars, colours,
 * lines) is not compared; the PDF signature covers it.
 */
final class PdfPageComparison {

    private static final int QUOTE = 90;

    /** What differs (empty when every page is as rendered), and what was compared. */
    record Result(List<String> problems, int pages, int pictures) {

        Result {
            problems = List.copyOf(problems);
        }

        String summary() {
            return pages + " pages compared with what the signed JSON renders (text" + (pictures > 0
                    ? " and " + pictures + " pictures)" : ")");
        }
    }

    private PdfPageComparison() {
    }

    /** Re-renders {@code signed} and compares {@code file} with it page by page. */
    static Result compare(PDDocument file, SignedReport signed) throws IOException {
        try (PDDocument expected = Loader.loadPDF(new PdfReportExporter().render(signed))) {
            return compare(file, expected);
        }
    }

    static Result compare(PDDocument file, PDDocument expected) throws IOException {
        List<String> problems = new ArrayList<>();
        int want = expected.getNumberOfPages();
        int have = file.getNumberOfPages();
        if (have != want) {
            problems.add("the PDF has " + have + " pages; its signed JSON renders " + want);
        }
        PDFTextStripper stripper = new PDFTextStripper();
        int pictures = 0;
        for (int page = 1; page <= Math.min(have, want); page++) {
            List<String> wantText = lines(stripper, expected, page);
            List<String> haveText = lines(stripper, file, page);
            String name = "page " + page + " (\"" + quote(wantText.isEmpty() ? "" : wantText.getFirst()) + "\")";
            String textDiff = difference(haveText, wantText);
            if (textDiff != null) {
                problems.add(name + " differs from what the signed JSON renders: " + textDiff);
            }
            List<String> wantPictures = PdfPagePictures.of(expected.getPage(page - 1));
            List<String> havePictures = PdfPagePictures.of(file.getPage(page - 1));
            pictures += wantPictures.size();
            if (wantPictures.size() != havePictures.size()) {
                problems.add(name + " draws " + havePictures.size() + " pictures; the signed JSON renders "
                        + wantPictures.size());
            } else {
                for (int i = 0; i < wantPictures.size(); i++) {
                    if (!wantPictures.get(i).equals(havePictures.get(i))) {
                        problems.add(name + ": picture " + (i + 1) + " (" + havePictures.get(i)
                                + ") differs from what the signed JSON renders (" + wantPictures.get(i) + ")");
                    }
                }
            }
        }
        return new Result(problems, have, pictures);
    }

    private static List<String> lines(PDFTextStripper stripper, PDDocument doc, int page) throws IOException {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> out = new ArrayList<>();
        for (String line : stripper.getText(doc).split("\\R")) {
            String folded = line.strip().replaceAll("\\s+", " ");
            if (!folded.isEmpty()) {
                out.add(folded);
            }
        }
        return out;
    }

    /** The first differing line, quoted both ways; null when equal. */
    private static String difference(List<String> have, List<String> want) {
        for (int i = 0; i < Math.max(have.size(), want.size()); i++) {
            String h = i < have.size() ? have.get(i) : null;
            String w = i < want.size() ? want.get(i) : null;
            if (h == null) {
                return "line " + (i + 1) + " is missing (the signed report renders \"" + quote(w) + "\")";
            }
            if (w == null) {
                return "line " + (i + 1) + " \"" + quote(h) + "\" is not in what the signed report renders";
            }
            if (!h.equals(w)) {
                int from = Math.max(0, firstDifference(h, w) - QUOTE / 3);
                return "line " + (i + 1) + " reads \"" + around(h, from) + "\" where the signed report renders \""
                        + around(w, from) + "\"";
            }
        }
        return null;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** The text from {@code from} on (marked "..." when cut), so the quotes show where two lines part. */
    private static String around(String s, int from) {
        return from == 0 ? quote(s) : "..." + quote(s.substring(Math.min(from, s.length())));
    }

    private static String quote(String s) {
        return s.length() <= QUOTE ? s : s.substring(0, QUOTE) + "...";
    }
}
