package io.proofdesk.devnet.seed;

import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;

/** A planned record after its node answered: what will be settled or recorded on chain. */
record ProducedRecord(PlannedRecord plan, String modelCid, InferRequestJson request, InferResponseJson response) {
}
