package io.proofdesk.ui.verify;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Writes a {@link Heatmap}'s pixels into an image (on the FX thread) and shows it enlarged without smoothing. */
final class HeatmapImages {

    private HeatmapImages() {
    }

    static Image image(Heatmap map) {
        WritableImage image = new WritableImage(map.width(), map.height());
        image.getPixelWriter().setPixels(0, 0, map.width(), map.height(), PixelFormat.getIntArgbInstance(),
                map.argb(), 0, map.width());
        return image;
    }

    /** Shown at its own size: {@link Heatmap#enlarged} already made each element a block of pixels. */
    static ImageView view(Heatmap map) {
        ImageView view = new ImageView(image(map));
        view.setSmooth(false);
        view.getStyleClass().add("heatmap");
        return view;
    }
}
