package io.proofdesk.store;

/** Whether a stored tensor is an inference's input or output. */
public enum TensorDirection {
    IN, OUT
}
