package io.proofdesk.ui.verify;

/**
 * A tensor as pixels (ARGB, row-major), computed off the FX thread and drawn with a PixelWriter. Values use one
 * sequential scale from {@code low} to {@code high} (claimed and local share theirs, so equal colours mean equal
 * values); differences use a diverging scale around zero, symmetric in the largest |difference|. Non-finite
 * elements are drawn in {@link #NOT_A_NUMBER}, so they never pass for a value.
 */
public record Heatmap(int width, int height, int[] argb, double low, double high) {

    public static final int NOT_A_NUMBER = 0xffff00ff;

    /** Viridis at five stops: dark blue (low) to yellow (high); readable on light and dark backgrounds. */
    private static final int[] SEQUENTIAL = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    /** Blue (local below the claim), light grey (equal), red (local above the claim). */
    private static final int[] DIVERGING = {0x2166ac, 0x92c5de, 0xe6e6e6, 0xf4a582, 0xb2182b};

    public Heatmap {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " heatmap needs " + width * height
                    + " pixels, not " + argb.length);
        }
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    /** The finite range of the values of several tensors together (a shared scale); [0, 0] if none is finite. */
    public static double[] range(double[]... tensors) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] t : tensors) {
            for (double v : t) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return low > high ? new double[] {0, 0} : new double[] {low, high};
    }

    public static Heatmap values(double[] values, TensorLayout layout, double low, double high) {
        check(values, layout);
        int[] px = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            px[i] = Double.isFinite(values[i]) ? colour(SEQUENTIAL, position(values[i], low, high)) : NOT_A_NUMBER;
        }
        return new Heatmap(layout.columns(), layout.rows(), px, low, high);
    }

    /** {@code differences} are local - claimed; the scale runs from -max|d| to +max|d|. */
    public static Heatmap differences(double[] differences, TensorLayout layout) {
        check(differences, layout);
        double max = 0;
        for (double d : differences) {
            if (Double.isFinite(d)) {
                max = Math.max(max, Math.abs(d));
            }
        }
        int[] px = new int[differences.length];
        for (int i = 0; i < differences.length; i++) {
            double d = differences[i];
            px[i] = Double.isFinite(d) ? colour(DIVERGING, max == 0 ? 0.5 : position(d, -max, max)) : NOT_A_NUMBER;
        }
        return new Heatmap(layout.columns(), layout.rows(), px, -max, max);
    }

    /**
     * The picture as it is drawn: each element a block of whole pixels, about {@code target} pixels on the longer
     * side (a vector becomes a strip of cells one and a half times as long, {@code target / 6} high). Done here, off the FX thread,
     * because enlarging a 10 x 1 image by scaling its view renders poorly.
     */
    public Heatmap enlarged(int target) {
        int cellWidth;
        int cellHeight;
        if (height == 1) {
            cellWidth = Math.max(1, target * 3 / 2 / width);
            cellHeight = Math.max(cellWidth, target / 6);
            cellHeight = Math.min(cellHeight, Math.max(1, target / 4));
        } else {
            cellWidth = Math.max(1, target / Math.max(width, height));
            cellHeight = cellWidth;
        }
        int w = width * cellWidth;
        int h = height * cellHeight;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = y / cellHeight;
            for (int x = 0; x < w; x++) {
                px[y * w + x] = argb[row * width + x / cellWidth];
            }
        }
        return new Heatmap(w, h, px, low, high);
    }

    /** Where {@code v} lies between low and high, clamped to [0, 1]; the middle when the range is empty. */
    static double position(double v, double low, double high) {
        if (!(high > low)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (v - low) / (high - low)));
    }

    static int colour(int[] stops, double t) {
        double scaled = t * (stops.length - 1);
        int i = Math.min((int) Math.floor(scaled), stops.length - 2);
        double f = scaled - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = mix(a >> 16 & 0xff, b >> 16 & 0xff, f);
        int g = mix(a >> 8 & 0xff, b >> 8 & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static void check(double[] values, TensorLayout layout) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(values.length + " values do not fill a " + layout.rows() + " x "
                    + layout.columns() + " layout");
        }
    }
}
