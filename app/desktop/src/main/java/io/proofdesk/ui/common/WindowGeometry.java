package io.proofdesk.ui.common;

/** Where the main window was; validated so a corrupt preferences file cannot put the window off-screen forever. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;
    private static final double LIMIT = 100_000;

    public WindowGeometry {
        if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > LIMIT || Math.abs(y) > LIMIT) {
            throw new IllegalArgumentException("window position " + x + "," + y + " is out of range");
        }
        if (!Double.isFinite(width) || !Double.isFinite(height) || width < MIN_WIDTH || height < MIN_HEIGHT
                || width > LIMIT || height > LIMIT) {
            throw new IllegalArgumentException("window size " + width + "x" + height + " is out of range");
        }
    }
}
