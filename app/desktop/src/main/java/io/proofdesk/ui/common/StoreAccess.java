package io.proofdesk.ui.common;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.store.UnitOfWork;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The app's one {@link Store}, opened off the FX thread so the window appears first. A store that cannot be
 * opened (locked by another Proofdesk, written by a newer one, corrupt) becomes one sentence in the error banner;
 * the views then keep their empty state. Views read through {@link #read}, which runs on the background executor.
 */
public final class StoreAccess implements AutoCloseable {

    public enum Status { OPENING, OPEN, FAILED, CLOSED }

    private final Function<DataDirectory, Store> opener;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final StoreEvents events;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.OPENING);
    // held for a whole switch (close the old store, reset, open the new) so two switches never overlap
    private final Object switching = new Object();
    private volatile DataDirectory location;
    private volatile Store store;
    private boolean closed;
    private long generation;

    public StoreAccess(DataDirectory dataDirectory, BackgroundExecutor executor, ErrorNotices notices,
                       StoreEvents events) {
        this(Store::open, dataDirectory, executor, notices, events);
    }

    StoreAccess(Function<DataDirectory, Store> opener, DataDirectory dataDirectory, BackgroundExecutor executor,
                ErrorNotices notices, StoreEvents events) {
        this.opener = opener;
        this.location = dataDirectory;
        this.executor = executor;
        this.notices = notices;
        this.events = events;
    }

    /** Starts opening; call once, on the FX thread. */
    public void openInBackground() {
        open(location, false, () -> { });
    }

    /**
     * Closes the open store and opens the one in {@code at} instead (the demo network keeps its own store, a real
     * network the main one); with {@code reset} the store files there are deleted first, so it starts empty.
     * Publishes {@link StoreEvent.StoreOpened} so every view re-reads, then runs {@code onOpen}; both on the FX
     * thread. The latest call wins if several overlap. Call on the FX thread.
     */
    public Task<Boolean> reopen(DataDirectory at, boolean reset, Runnable onOpen) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(onOpen, "onOpen");
        return open(at, reset, onOpen);
    }

    /** Where the current (or opening) store lives. */
    public DataDirectory location() {
        return location;
    }

    private Task<Boolean> open(DataDirectory at, boolean reset, Runnable onOpen) {
        long requested;
        synchronized (this) {
            requested = ++generation;
        }
        location = at;
        if (status.get() != Status.CLOSED) {
            status.set(Status.OPENING);
        }
        return Tasks.create(ctx -> {
                    synchronized (switching) {
                        Store old;
                        synchronized (this) {
                            if (closed || requested != generation) {
                                return false;
                            }
                            old = store;
                            store = null;
                        }
                        if (old != null) {
                            old.close();
                        }
                        if (reset) {
                            deleteStoreFiles(at);
                        }
                        Store opened = opener.apply(at);
                        synchronized (this) {
                            if (closed || requested != generation) {
                                opened.close(); // the app stopped, or another switch came, while this one opened
                                return false;
                            }
                            store = opened;
                            return true;
                        }
                    }
                })
                .onSuccess(open -> {
                    if (open && status.get() != Status.CLOSED) {
                        status.set(Status.OPEN);
                        events.publish(new StoreEvent.StoreOpened());
                        onOpen.run();
                    }
                })
                .onError(problem -> {
                    if (isLatest(requested) && status.get() != Status.CLOSED) {
                        status.set(Status.FAILED);
                    }
                    notices.show(problem);
                })
                .run(executor);
    }

    private synchronized boolean isLatest(long requested) {
        return requested == generation;
    }

    private static void deleteStoreFiles(DataDirectory at) throws IOException {
        for (String name : List.of(Store.DATABASE_FILE, Store.DATABASE_FILE + "-wal", Store.DATABASE_FILE + "-shm")) {
            Files.deleteIfExists(at.resolve(name));
        }
    }

    /** OPENING, then OPEN or FAILED; read on the FX thread. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return status.get() == Status.OPEN;
    }

    /**
     * Runs read-only work on the background executor and hands its result to {@code onSuccess} on the FX thread.
     * Returns null (and does nothing) while the store is not open. Failures become a sentence in the error banner.
     */
    public <T> Task<T> read(UnitOfWork<T, ? extends Exception> work, Consumer<? super T> onSuccess) {
        return read(work, onSuccess, notices::show);
    }

    /** As {@link #read(UnitOfWork, Consumer)}, with its own failure handler (on the FX thread). */
    public <T> Task<T> read(UnitOfWork<T, ? extends Exception> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onError) {
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onError, "onError");
        Store s = store;
        if (s == null || status.get() != Status.OPEN) {
            return null;
        }
        return Tasks.<T>create(ctx -> s.read(work)).onSuccess(onSuccess).onError(onError).run(executor);
    }

    /** The open store for work that needs more than one unit (tests, sync); null while not open. */
    public Store store() {
        return store;
    }

    /** Closes the store; call after the background executor has stopped. */
    @Override
    public void close() {
        status.set(Status.CLOSED);
        Store s;
        synchronized (this) {
            closed = true;
            s = store;
            store = null;
        }
        if (s != null) {
            s.close();
        }
    }
}
