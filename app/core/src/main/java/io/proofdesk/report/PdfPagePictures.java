package io.proofdesk.report;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The pictures a page draws, in drawing order (image XObjects, also inside forms, and inline images), each as
 * "WIDTHxHEIGHT sha256:HEX" over its decoded pixels (ARGB), so two pictures are equal when they look the same
 * whatever their compression. A picture larger than {@value #MAX_PIXELS} pixels is not decoded (a report draws
 * 990 x 180 at most) and stands as "too large".
 */
final class PdfPagePictures extends PDFGraphicsStreamEngine {

    static final long MAX_PIXELS = 4_000_000;
    private final List<String> pictures = new ArrayList<>();

    private PdfPagePictures(PDPage page) {
        super(page);
    }

    static List<String> of(PDPage page) throws IOException {
        PdfPagePictures p = new PdfPagePictures(page);
        p.processPage(page);
        return p.pictures;
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        long w = image.getWidth();
        long h = image.getHeight();
        if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
            pictures.add(w + "x" + h + " too large to compare");
            return;
        }
        BufferedImage img = image.getImage();
        MessageDigest sha = sha256();
        int[] row = new int[img.getWidth()];
        ByteBuffer bytes = ByteBuffer.allocate(row.length * 4);
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, row.length, 1, row, 0, row.length);
            bytes.clear();
            bytes.asIntBuffer().put(row);
            sha.update(bytes.array());
        }
        pictures.add(img.getWidth() + "x" + img.getHeight() + " sha256:" + HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Paths, clips and shadings are not pictures; the engine needs them implemented.
    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
