package io.proofdesk.devnet.seed;

/** A planned record after its node answered, prepared for the transaction that will settle or record it. */
record ProducedRecord(PlannedRecord plan, PreparedSettlement prepared) {
}
