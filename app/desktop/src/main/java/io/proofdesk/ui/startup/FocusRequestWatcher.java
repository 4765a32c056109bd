package io.proofdesk.ui.startup;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Watches the data folder for the {@code focus-request} file a second launch drops there ({@link InstanceLock}),
 * deletes it and calls {@code onRequest} on its own daemon thread. The store's own files change in the same folder
 * all the time; only the request's name counts.
 */
public final class FocusRequestWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FocusRequestWatcher.class.getName());

    private final Path dataDir;
    private final WatchService watcher;
    private final Runnable onRequest;
    private final Thread thread;

    private FocusRequestWatcher(Path dataDir, WatchService watcher, Runnable onRequest) {
        this.dataDir = dataDir;
        this.watcher = watcher;
        this.onRequest = onRequest;
        this.thread = Thread.ofPlatform().daemon().name("proofdesk-focus-requests").unstarted(this::loop);
    }

    /** Starts watching {@code lock}'s folder; {@code onRequest} runs on the watcher's thread, once per request. */
    public static FocusRequestWatcher start(InstanceLock lock, Runnable onRequest) throws IOException {
        Path dir = lock.dataDir();
        WatchService service = dir.getFileSystem().newWatchService();
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        FocusRequestWatcher w = new FocusRequestWatcher(dir, service, onRequest);
        w.thread.start();
        // a request that landed between claiming the lock and registering the watch would otherwise wait forever
        w.consumeRequest();
        return w;
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean requested = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW
                            || InstanceLock.FOCUS_REQUEST.equals(String.valueOf(event.context()))) {
                        requested = true;
                    }
                }
                if (requested) {
                    consumeRequest();
                }
                if (!key.reset()) {
                    return; // the folder itself went away
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing: done
        }
    }

    private void consumeRequest() {
        try {
            if (Files.deleteIfExists(dataDir.resolve(InstanceLock.FOCUS_REQUEST))) {
                onRequest.run();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot handle a focus request in " + dataDir, e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
