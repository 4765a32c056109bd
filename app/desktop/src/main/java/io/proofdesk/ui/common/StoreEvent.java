package io.proofdesk.ui.common;

/**
 * Something that changed the local store, told to every view that shows store data (see {@link StoreEvents}).
 * Past tense and immutable; counts are how many records the change touched.
 */
public sealed interface StoreEvent {

    /** The store finished opening (or was replaced); everything shown from it should be re-read. */
    record StoreOpened() implements StoreEvent {
    }

    /** A sync chunk stored new inferences. */
    record InferencesStored(int count) implements StoreEvent {
    }

    /** A sync stored or updated models, versions or files of the registry. */
    record ModelsStored(int count) implements StoreEvent {
    }

    /** Verification stored verdicts. */
    record VerdictsStored(int count) implements StoreEvent {
    }

    /** A reorg removed what was learnt from {@code fromBlock} on. */
    record BlocksRolledBack(long fromBlock) implements StoreEvent {
    }

    /** A report export listed {@code count} new files in the reports table. */
    record ReportsWritten(int count) implements StoreEvent {
    }
}
