package io.proofdesk.ui.controls;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;

/** A {@link Glyph} at a given size; colour and stroke come from CSS ({@code .icon-path}). Usable in FXML. */
public final class Icon extends Group {

    private static final double GRID = 24;

    private final ObjectProperty<Glyph> glyph = new SimpleObjectProperty<>(this, "glyph");
    private final DoubleProperty size = new SimpleDoubleProperty(this, "size", 18);
    private final SVGPath path = new SVGPath();
    private final Scale scale = new Scale();

    public Icon() {
        getStyleClass().add("icon");
        path.getStyleClass().add("icon-path");
        // a fixed, invisible 24x24 frame keeps every glyph the same size and centred, whatever its drawn extent
        Rectangle frame = new Rectangle(GRID, GRID, Color.TRANSPARENT);
        Group drawing = new Group(frame, path);
        drawing.getTransforms().add(scale);
        getChildren().add(drawing);
        glyph.addListener((o, was, now) -> path.setContent(now == null ? "" : now.path()));
        size.addListener((o, was, now) -> resize(now.doubleValue()));
        resize(size.get());
        setMouseTransparent(true);
    }

    public Icon(Glyph glyph, double size) {
        this();
        setGlyph(glyph);
        setSize(size);
    }

    private void resize(double pixels) {
        scale.setX(pixels / GRID);
        scale.setY(pixels / GRID);
    }

    public ObjectProperty<Glyph> glyphProperty() {
        return glyph;
    }

    public Glyph getGlyph() {
        return glyph.get();
    }

    public void setGlyph(Glyph value) {
        glyph.set(value);
    }

    public DoubleProperty sizeProperty() {
        return size;
    }

    public double getSize() {
        return size.get();
    }

    public void setSize(double value) {
        size.set(value);
    }
}
