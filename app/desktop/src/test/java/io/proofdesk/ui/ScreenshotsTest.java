package io.proofdesk.ui;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiPreferencesStore;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.settings.SettingsViewModel;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the real main window headlessly into PNGs for screenshots/ (see README):
 * {@code mvn -B -pl app/desktop -am test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dproofdesk.screenshots.dir=$PWD/screenshots}
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    // a fixed, readable folder (shown in Settings) so the PNGs do not change from run to run
    private final Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "proofdesk-screenshots");

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        Files.deleteIfExists(dataDir.resolve(UiPreferencesStore.FILE_NAME));
        wiring = new AppWiring(new DataDirectory(dataDir), new SettingsViewModel.TestTaskPlan(3, Duration.ofMillis(10)));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void rendersEveryViewInLightAndDark(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("proofdesk.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        int n = 1;
        for (View view : View.values()) {
            robot.interact(() -> wiring.main().open(view));
            written.add(shoot(robot, dir.resolve(String.format("%02d-%s-light.png", n++, name(view)))));
        }

        robot.interact(() -> {
            wiring.settings().themeProperty().set(Theme.DARK);
            wiring.main().open(View.NETWORK);
        });
        written.add(shoot(robot, dir.resolve(String.format("%02d-network-dark.png", n++))));
        robot.interact(() -> wiring.main().open(View.VERIFY));
        written.add(shoot(robot, dir.resolve(String.format("%02d-verify-dark.png", n++))));

        // a task held at a fixed point, so the task panel renders the same way every run
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Task<Void>> held = new AtomicReference<>();
        robot.interact(() -> {
            wiring.main().open(View.SETTINGS);
            held.set(Tasks.<Void>create(ctx -> {
                ctx.progress(62, 100);
                ctx.message("Block 3,100 of 5,000");
                release.await(30, TimeUnit.SECONDS);
                return null;
            }).titled("Syncing inference history").run(wiring.background()));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> held.get().getProgress() > 0.6).get());
        written.add(shoot(robot, dir.resolve(String.format("%02d-tasks-dark.png", n++))));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.LIGHT));
        written.add(shoot(robot, dir.resolve(String.format("%02d-tasks-light.png", n))));
        release.countDown();

        assertTrue(written.size() >= 7);
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(WIDTH, image.getWidth(), png + " width");
            assertEquals(HEIGHT, image.getHeight(), png + " height");
            assertTrue(distinctColours(image) > 50, png + " looks blank: " + distinctColours(image) + " colours");
        }
    }

    private Path shoot(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }

    private static String name(View view) {
        return view.name().toLowerCase(Locale.ROOT);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
