package io.proofdesk.ui.reports;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens files and web pages through {@link Desktop}, which asks the system's registered handler and, unlike HostServices, says
 * when there is none (headless machines, minimal Linux desktops) so the view can say so instead of doing nothing.
 */
public final class DesktopDocumentOpener implements DocumentOpener {

    @Override
    public void open(Path file) throws IOException {
        desktop(Desktop.Action.OPEN, "open " + file).open(file.toFile());
    }

    @Override
    public void browse(URI page) throws IOException {
        desktop(Desktop.Action.BROWSE, "open " + page).browse(page);
    }

    @Override
    public void showInFolder(Path file) throws IOException {
        if (supports(Desktop.Action.BROWSE_FILE_DIR)) {
            Desktop.getDesktop().browseFileDirectory(file.toFile());
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        desktop(Desktop.Action.OPEN, "show the folder " + folder).open(folder.toFile());
    }

    private static Desktop desktop(Desktop.Action action, String what) throws NoHandlerException {
        if (!supports(action)) {
            throw new NoHandlerException("this system has no program registered to " + what
                    + "; open it from your file manager");
        }
        return Desktop.getDesktop();
    }

    private static boolean supports(Desktop.Action action) {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(action);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
