package io.proofdesk.devnet.models;

/** What a demo model does; decides what a plausible input for it looks like. */
public enum ModelKind {
    TABULAR_CLASSIFIER, IMAGE_CLASSIFIER, SEQUENCE_CLASSIFIER, REGRESSION
}
