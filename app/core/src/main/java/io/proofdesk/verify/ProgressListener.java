package io.proofdesk.verify;

/** Told after each record: how many of the batch are done (verified or skipped) out of how many. Any thread. */
@FunctionalInterface
public interface ProgressListener {

    void progress(long done, long total);

    static ProgressListener none() {
        return (done, total) -> { };
    }
}
