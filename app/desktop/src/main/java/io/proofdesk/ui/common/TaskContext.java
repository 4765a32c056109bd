package io.proofdesk.ui.common;

import java.util.concurrent.CancellationException;

/** What a piece of background work may tell the task panel, and how it learns it was cancelled. */
public interface TaskContext {

    /** Reports progress; {@code total <= 0} means "unknown" (the panel shows an indeterminate bar). */
    void progress(long done, long total);

    /** A short sentence for the task panel, for example "Block 1,200 of 5,000". */
    void message(String text);

    boolean isCancelled();

    /** Long loops call this between steps so a cancel from the panel stops them promptly. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
