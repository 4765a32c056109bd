package io.proofdesk.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pictures of a claimed output against the local one, drawn without any window system: paired bars (claimed in
 * the report's blue, local in grey) and a heat strip of |local - claimed| per element, from white (equal) to red
 * (the largest difference). No text inside the images; the PDF labels them.
 */
final class DiffImages {

    static final Color CLAIMED = new Color(0x2f, 0x6f, 0xb3);
    static final Color LOCAL = new Color(0x9a, 0xa3, 0xad);
    static final int MAX_SHOWN = 64;

    private DiffImages() {
    }

    static BufferedImage bars(double[] claimed, double[] local, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int n = Math.min(MAX_SHOWN, Math.max(claimed.length, local.length));
            if (n == 0) {
                return img;
            }
            double max = 0;
            double min = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Math.max(finite(at(claimed, i)), finite(at(local, i))));
                min = Math.min(min, Math.min(finite(at(claimed, i)), finite(at(local, i))));
            }
            double span = max - min == 0 ? 1 : max - min;
            int zero = (int) Math.round(height * (max / span));
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(0, zero, width, zero);
            double slot = (double) width / n;
            int bar = Math.max(1, (int) Math.floor(slot * 0.4));
            for (int i = 0; i < n; i++) {
                int x = (int) Math.round(i * slot + slot * 0.1);
                drawBar(g, CLAIMED, x, bar, zero, height, span, at(claimed, i));
                drawBar(g, LOCAL, x + bar, bar, zero, height, span, at(local, i));
            }
            return img;
        } finally {
            g.dispose();
        }
    }

    static BufferedImage heat(double[] claimed, double[] local, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int n = Math.min(MAX_SHOWN, Math.min(claimed.length, local.length));
            if (n == 0) {
                return img;
            }
            double[] d = new double[n];
            double max = 0;
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(local[i] - claimed[i]);
                if (Double.isFinite(d[i])) {
                    max = Math.max(max, d[i]);
                }
            }
            double slot = (double) width / n;
            for (int i = 0; i < n; i++) {
                double t = !Double.isFinite(d[i]) ? 1 : max == 0 ? 0 : d[i] / max;
                int c = (int) Math.round(255 * (1 - t));
                g.setColor(new Color(255, c, c));
                int x0 = (int) Math.round(i * slot);
                int x1 = (int) Math.round((i + 1) * slot);
                g.fillRect(x0, 0, Math.max(1, x1 - x0), height);
            }
            g.setColor(new Color(0xbb, 0xbb, 0xbb));
            g.drawRect(0, 0, width - 1, height - 1);
            return img;
        } finally {
            g.dispose();
        }
    }

    private static void drawBar(Graphics2D g, Color c, int x, int w, int zero, int height, double span, double v) {
        if (!Double.isFinite(v)) {
            g.setColor(Color.RED);
            g.drawLine(x, 0, x + w, height);
            return;
        }
        int h = (int) Math.round(Math.abs(v) / span * height);
        g.setColor(c);
        if (v >= 0) {
            g.fillRect(x, zero - h, w, Math.max(h, 1));
        } else {
            g.fillRect(x, zero, w, Math.max(h, 1));
        }
    }

    private static double at(double[] a, int i) {
        return i < a.length ? a[i] : Double.NaN;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
