package io.proofdesk.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a forger does to a report PDF with PDFBox, for the checking tests: rewrite text in a page's content stream,
 * repaint a page's pictures, remove or add pages, remove the signature; saved as an incremental update appended to
 * the signed bytes (what PDF editors do) or as a whole new file.
 */
final class PdfEdits {

    /** One edit of a loaded document. */
    interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    private PdfEdits() {
    }

    static byte[] incremental(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            edit.apply(doc);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
            for (PDPage p : doc.getPages()) {
                p.getCOSObject().setNeedToBeUpdated(true);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static byte[] rewritten(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            edit.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Replaces the first {@code from} in the text drawn on page {@code page} (0-based) by {@code to}. */
    static Edit text(int page, String from, String to) {
        return doc -> {
            PDPage p = doc.getPage(page);
            List<PDStream> streams = new ArrayList<>();
            boolean found = false;
            for (Iterator<PDStream> it = p.getContentStreams(); it.hasNext(); ) {
                String s = new String(it.next().toByteArray(), StandardCharsets.ISO_8859_1);
                if (!found && s.contains("(" + from)) {
                    s = s.replaceFirst(java.util.regex.Pattern.quote("(" + from), "(" + to);
                    found = true;
                }
                streams.add(new PDStream(doc, new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)),
                        COSName.FLATE_DECODE));
            }
            if (!found) {
                throw new IllegalStateException("page " + (page + 1) + " does not draw \"" + from + "\"");
            }
            p.setContents(streams);
        };
    }

    /** Paints every picture of page {@code page} (0-based) a flat colour, keeping its size. */
    static Edit pictures(int page) {
        return doc -> {
            PDResources res = doc.getPage(page).getResources();
            for (COSName name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof PDImageXObject img) {
                    BufferedImage flat = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = flat.createGraphics();
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
                    g.dispose();
                    res.put(name, LosslessFactory.createFromImage(doc, flat));
                }
            }
            res.getCOSObject().setNeedToBeUpdated(true);
        };
    }

    static Edit removeLastPage() {
        return doc -> doc.removePage(doc.getNumberOfPages() - 1);
    }

    static Edit addPage() {
        return doc -> doc.addPage(new PDPage());
    }

    /** Removes the signature field (and its widget), as a forger re-saving the file without it would. */
    static Edit removeSignature() {
        return doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form != null) {
                form.getFields().clear();
                form.getCOSObject().removeItem(COSName.SIG_FLAGS);
            }
            for (PDPage p : doc.getPages()) {
                p.setAnnotations(List.of());
            }
            doc.getDocumentCatalog().setAcroForm(null);
        };
    }
}
