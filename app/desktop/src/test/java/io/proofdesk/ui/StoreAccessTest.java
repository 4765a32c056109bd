package io.proofdesk.ui;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.View;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store opens in the background; when it cannot, the window says why in one sentence and stays usable. */
@ExtendWith(ApplicationExtension.class)
class StoreAccessTest {

    @TempDir
    Path dataDir;

    private void withWindow(FxRobot robot, ThrowingConsumer<AppWiring> check) throws Exception {
        AppWiring wiring = new AppWiring(new DataDirectory(dataDir));
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            wiring.mainWindow().show(stage[0]);
        });
        try {
            check.accept(wiring);
        } finally {
            robot.interact(() -> {
                stage[0].hide();
                wiring.close();
            });
        }
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    @Test
    void aStoreLockedByAnotherProofdeskIsASentenceAndEmptyViews(FxRobot robot) throws Exception {
        try (Store other = Store.open(new DataDirectory(dataDir))) {
            withWindow(robot, wiring -> {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                        () -> onFx(() -> wiring.store().statusProperty().get() == StoreAccess.Status.FAILED));
                WaitForAsyncUtils.waitForFxEvents();
                String banner = robot.lookup(".banner-text").queryAs(Label.class).getText();
                assertTrue(banner.startsWith("Store is in use by another Proofdesk"), banner);
                robot.interact(() -> wiring.main().open(View.INFERENCES));
                assertTrue(onFx(() -> robot.lookup("#emptyState").query().isVisible()));
                robot.interact(() -> wiring.main().open(View.MODELS));
                assertTrue(onFx(() -> robot.lookup("#modelsView #emptyState").query().isVisible()));
            });
            assertTrue(other.read(tx -> tx.inferences().count(io.proofdesk.store.InferenceQuery.all())) == 0);
        }
    }

    @Test
    void aCorruptStoreIsASentenceAndTheFileIsLeftAlone(FxRobot robot) throws Exception {
        Path db = dataDir.resolve(Store.DATABASE_FILE);
        Files.writeString(db, "this is not a database, and it is long enough to have a header of sorts ".repeat(4));
        byte[] before = Files.readAllBytes(db);
        withWindow(robot, wiring -> {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> onFx(() -> wiring.store().statusProperty().get() == StoreAccess.Status.FAILED));
            WaitForAsyncUtils.waitForFxEvents();
            String banner = robot.lookup(".banner-text").queryAs(Label.class).getText();
            assertTrue(banner.contains("not a usable Proofdesk database"), banner);
        });
        assertEquals(before.length, Files.readAllBytes(db).length);
    }

    @Test
    void anOpenedStoreIsAnnouncedToSubscribers(FxRobot robot) throws Exception {
        withWindow(robot, wiring -> {
            List<StoreEvent> seen = new ArrayList<>();
            var subscription = wiring.storeEvents().subscribe(seen::add);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
            wiring.storeEvents().publish(new StoreEvent.ModelsStored(3)); // from a test thread: delivered on FX
            WaitForAsyncUtils.waitForFxEvents();
            subscription.unsubscribe();
            wiring.storeEvents().publish(new StoreEvent.VerdictsStored(1));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(seen.contains(new StoreEvent.ModelsStored(3)), seen.toString());
            assertTrue(!seen.contains(new StoreEvent.VerdictsStored(1)), "no events after unsubscribing");
        });
    }
}
