package io.proofdesk.ui.verify;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Writes a {@link Heatmap}'s pixels into an image (on the FX thread) and shows it enlarged without smoothing. */
final class HeatmapImages {

    /** Pictures are drawn at least this wide or tall, whichever the tensor's shape allows. */
    static final double TARGET = 168;

    private HeatmapImages() {
    }

    static Image image(Heatmap map) {
        WritableImage image = new WritableImage(map.width(), map.height());
        image.getPixelWriter().setPixels(0, 0, map.width(), map.height(), PixelFormat.getIntArgbInstance(),
                map.argb(), 0, map.width());
        return image;
    }

    /** Whole pixels per element, so every element stays a crisp square; a vector becomes a strip of cells. */
    static ImageView view(Heatmap map) {
        ImageView view = new ImageView(image(map));
        double scale = Math.max(1, Math.floor(TARGET / Math.max(map.width(), map.height())));
        if (map.height() == 1) {
            scale = Math.max(1, Math.floor(TARGET * 2 / map.width()));
        }
        view.setFitWidth(map.width() * scale);
        view.setFitHeight(map.height() * Math.max(scale, map.height() == 1 ? 24 : scale));
        view.setSmooth(false);
        view.getStyleClass().add("heatmap");
        return view;
    }
}
