package io.proofdesk.ui.verify;

import io.proofdesk.domain.Verdict;
import io.proofdesk.ui.controls.Glyph;
import io.proofdesk.ui.controls.Icon;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** A ControlsFX notification in the corner of the main window: glyph + title + counts, never colour alone. */
public final class DesktopNotifications implements MismatchAlerts {

    private static final System.Logger LOG = System.getLogger(DesktopNotifications.class.getName());

    private final ResourceBundle strings;

    public DesktopNotifications(ResourceBundle strings) {
        this.strings = strings;
    }

    @Override
    public void mismatchesFound(BatchRun run) {
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null) {
            return; // the app is closing; the Verify view keeps the run
        }
        Icon icon = new Icon(Glyph.MISMATCH, 28);
        icon.getStyleClass().add("notification-mismatch-icon");
        try {
            Notifications.create().owner(owner).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(10))
                    .graphic(icon).title(strings.getString("verify.notify.title"))
                    .text(text(run, strings)).show();
        } catch (RuntimeException e) {
            // a notification is a courtesy; the Verify view and the verdict colours already show the mismatch
            LOG.log(System.Logger.Level.WARNING, "cannot show the mismatch notification", e);
        }
    }

    static String text(BatchRun run, ResourceBundle strings) {
        var s = run.summary();
        String failed = s.failedChecks().keySet().stream().map(c -> CheckRow.checkLabel(c, strings))
                .reduce((a, b) -> a + ", " + b).orElse(strings.getString("common.none"));
        return MessageFormat.format(strings.getString("verify.notify.text"), s.count(Verdict.MISMATCH), s.verified(),
                failed);
    }
}
