package io.proofdesk.chain.sync;

/** Part of one record could not be decoded; the record is stored without that part and with this reason. */
final class RecordProblem extends Exception {
    RecordProblem(String reason) {
        super(reason, null, false, false);
    }

    RecordProblem(String reason, Throwable cause) {
        super(reason + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause, false, false);
    }
}
