package io.proofdesk.chain.sync;

/**
 * Part of one record could not be decoded; the record is stored without that part and with this reason. Public for
 * {@link SettledTensors}, whose callers decode settled data outside the sync.
 */
public final class RecordProblem extends Exception {
    RecordProblem(String reason) {
        super(reason, null, false, false);
    }

    RecordProblem(String reason, Throwable cause) {
        super(reason + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause, false, false);
    }
}
