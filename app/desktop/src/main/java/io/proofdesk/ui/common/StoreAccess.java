package io.proofdesk.ui.common;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.store.UnitOfWork;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

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
    private final DataDirectory dataDirectory;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final StoreEvents events;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.OPENING);
    private volatile Store store;
    private boolean closed;

    public StoreAccess(DataDirectory dataDirectory, BackgroundExecutor executor, ErrorNotices notices,
                       StoreEvents events) {
        this(Store::open, dataDirectory, executor, notices, events);
    }

    StoreAccess(Function<DataDirectory, Store> opener, DataDirectory dataDirectory, BackgroundExecutor executor,
                ErrorNotices notices, StoreEvents events) {
        this.opener = opener;
        this.dataDirectory = dataDirectory;
        this.executor = executor;
        this.notices = notices;
        this.events = events;
    }

    /** Starts opening; call once, on the FX thread. */
    public void openInBackground() {
        Tasks.create(ctx -> {
                    Store opened = opener.apply(dataDirectory);
                    synchronized (this) {
                        if (closed) {
                            opened.close(); // the app stopped while the store was opening
                            return false;
                        }
                        store = opened;
                        return true;
                    }
                })
                .onSuccess(open -> {
                    if (open && status.get() != Status.CLOSED) {
                        status.set(Status.OPEN);
                        events.publish(new StoreEvent.StoreOpened());
                    }
                })
                .onError(problem -> {
                    status.set(Status.FAILED);
                    notices.show(problem);
                })
                .run(executor);
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
