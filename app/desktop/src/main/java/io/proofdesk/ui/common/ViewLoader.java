package io.proofdesk.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;

/** Loads FXML with the app's strings and its controller factory, so every controller gets constructor injection. */
public final class ViewLoader {

    public record Loaded<C>(Parent root, C controller) {
    }

    private final ResourceBundle strings;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(ResourceBundle strings, Callback<Class<?>, Object> controllerFactory) {
        this.strings = strings;
        this.controllerFactory = controllerFactory;
    }

    public Parent load(View view) {
        return load(view.fxml()).root();
    }

    public <C> Loaded<C> load(URL fxml) {
        FXMLLoader loader = new FXMLLoader(fxml, strings);
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            // a broken FXML file is a bug in the build, not something the user can fix
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    public ResourceBundle strings() {
        return strings;
    }
}
