package io.proofdesk.chain.sync;

/** The chain moved under a chunk (a log's block hash differs from the header read next): re-check and read again. */
final class ChainChangedException extends Exception {
    ChainChangedException(String message) {
        super(message, null, false, false);
    }
}
