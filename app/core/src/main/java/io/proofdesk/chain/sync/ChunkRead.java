package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;

/** A chunk read from the chain, its records being built, not yet stored; with the chunker's span after it. */
record ChunkRead(BlockRange range, ChunkReader.Started data, long span) {
}
