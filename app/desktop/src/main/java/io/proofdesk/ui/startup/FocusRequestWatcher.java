package io.proofdesk.ui.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches the data folder for the {@code focus-request} file a second launch drops there ({@link InstanceLock}),
 * reads and deletes it and calls {@code onRequest} on its own daemon thread with what the request asks to open, if
 * anything. The store's own files change in the same folder all the time; only the request's name counts.
 */
public final class FocusRequestWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FocusRequestWatcher.class.getName());

    private final Path dataDir;
    private final WatchService watcher;
    /** A request is a pid and at most an {@code open=} line; anything longer is not ours. */
    private static final int MAX_REQUEST_BYTES = 4096;

    private final Consumer<Optional<String>> onRequest;
    private final Thread thread;

    private FocusRequestWatcher(Path dataDir, WatchService watcher, Consumer<Optional<String>> onRequest) {
        this.dataDir = dataDir;
        this.watcher = watcher;
        this.onRequest = onRequest;
        this.thread = Thread.ofPlatform().daemon().name("proofdesk-focus-requests").unstarted(this::loop);
    }

    /** Starts watching {@code lock}'s folder; {@code onRequest} runs on the watcher's thread, once per request. */
    public static FocusRequestWatcher start(InstanceLock lock, Runnable onRequest) throws IOException {
        return start(lock, open -> onRequest.run());
    }

    /**
     * As {@link #start(InstanceLock, Runnable)}; {@code onRequest} also gets what the request asks to open
     * ({@code --open}'s text), if anything.
     */
    public static FocusRequestWatcher start(InstanceLock lock, Consumer<Optional<String>> onRequest)
            throws IOException {
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
        Path request = dataDir.resolve(InstanceLock.FOCUS_REQUEST);
        try {
            Optional<String> open = openLine(request);
            if (Files.deleteIfExists(request)) {
                onRequest.accept(open);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot handle a focus request in " + dataDir, e);
        }
    }

    private static Optional<String> openLine(Path request) {
        try {
            if (Files.size(request) > MAX_REQUEST_BYTES) {
                return Optional.empty();
            }
            return Files.readString(request, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(InstanceLock.OPEN_LINE))
                    .map(l -> l.substring(InstanceLock.OPEN_LINE.length()).strip()).filter(l -> !l.isEmpty())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // gone already, or unreadable: still a request to come to the front
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
