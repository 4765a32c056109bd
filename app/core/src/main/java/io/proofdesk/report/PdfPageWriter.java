package io.proofdesk.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Drawing primitives for the report's A4 pages: one open page at a time, a cursor moving down, text that is always
 * WinAnsi-safe, filled rectangles and images. Coordinates are PDF points from the bottom-left corner.
 */
final class PdfPageWriter implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float BOTTOM = 60;

    final PDDocument doc;
    final PdfText regular;
    final PdfText bold;
    final PdfText mono;
    private PDPageContentStream cs;
    float y;

    PdfPageWriter(PDDocument doc) {
        this.doc = doc;
        this.regular = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        this.bold = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        this.mono = new PdfText(new PDType1Font(Standard14Fonts.FontName.COURIER));
    }

    void newPage() throws IOException {
        closePage();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = HEIGHT - MARGIN;
    }

    /** Starts a new page when fewer than {@code needed} points are left above the footer. */
    boolean ensure(float needed) throws IOException {
        if (y - needed < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    void text(PdfText f, float size, float x, float atY, String s) throws IOException {
        cs.beginText();
        cs.setFont(f.font(), size);
        cs.newLineAtOffset(x, atY);
        cs.showText(f.safe(s));
        cs.endText();
    }

    void color(Color c) throws IOException {
        cs.setNonStrokingColor(c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f);
    }

    void rect(float x, float atY, float w, float h, Color c) throws IOException {
        color(c);
        cs.addRect(x, atY, w, h);
        cs.fill();
        color(Color.BLACK);
    }

    void line(float x0, float y0, float x1, float y1, Color c) throws IOException {
        cs.setStrokingColor(c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f);
        cs.setLineWidth(0.5f);
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
        cs.stroke();
    }

    void image(BufferedImage img, float x, float atY, float w, float h) throws IOException {
        cs.drawImage(LosslessFactory.createFromImage(doc, img), x, atY, w, h);
    }

    /** Writes wrapped text at the cursor, moving it down; returns the number of lines. */
    int paragraph(PdfText f, float size, float x, float maxWidth, String s) throws IOException {
        int n = 0;
        for (String l : f.wrap(s, size, maxWidth)) {
            ensure(size + 4);
            text(f, size, x, y, l);
            y -= size + 3;
            n++;
        }
        return n;
    }

    private void closePage() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closePage();
    }
}
