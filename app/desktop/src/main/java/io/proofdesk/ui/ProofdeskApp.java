package io.proofdesk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class ProofdeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Proofdesk"), 800, 600));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
