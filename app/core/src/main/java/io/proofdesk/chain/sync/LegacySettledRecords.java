package io.proofdesk.chain.sync;

import io.proofdesk.chain.LegacySettlementEvents;
import io.proofdesk.chain.LegacySettlementEvents.Decoded;
import io.proofdesk.chain.LegacySettlementEvents.HashesOnly;
import io.proofdesk.chain.LegacySettlementEvents.RootOnly;
import io.proofdesk.chain.LegacySettlementEvents.WithMetadata;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import org.web3j.protocol.core.methods.response.Log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.proofdesk.chain.sync.ChunkReader.UNKNOWN_MODEL;

/**
 * The records the Dec 2025 settlement relay states ({@link LegacySettlementEvents}). Its events name no TEE, no
 * signature and no blob, so each record carries only what the event says, and a note saying what cannot be checked:
 * a {@code Settlement} settles two hashes; a {@code SettlementWithMetadata} also carries the input and output bytes
 * on chain (the verifier holds the hashes against them); an old {@code BatchSettlement} settles a root and a size
 * whose leaves were never named on chain, so each leaf is a placeholder that stays unverified. The record time is
 * the block's (the events carry none).
 */
final class LegacySettledRecords {

    static final String HASHES_ONLY_NOTE = "Settlement(bytes32,bytes32) of the Dec 2025 relay settles two hashes "
            + "only: no TEE id, signature or blob, so the input and output cannot be recomputed and no signer checked";
    static final String METADATA_NOTE = "SettlementWithMetadata of the Dec 2025 relay names no TEE id or signature: "
            + "only the hashes against the input and output carried on chain can be checked";
    static final String ROOT_ONLY_NOTE = "BatchSettlement(bytes32,uint256) of the Dec 2025 relay names no blob: "
            + "the batch's leaves cannot be fetched, so none of its records can be checked";

    private LegacySettledRecords() {
    }

    /** The records of one legacy settlement log; the endpoint lied if it cannot be decoded. */
    static List<BuiltRecord> of(String endpoint, Log l, Instant blockTime) {
        Decoded d = ChunkReader.decodeLog(endpoint, l, "a Dec 2025 settlement event",
                () -> LegacySettlementEvents.decode(l.getTopics(), l.getData()));
        String tx = l.getTransactionHash().toLowerCase(java.util.Locale.ROOT);
        long index = l.getLogIndex().longValueExact();
        long block = l.getBlockNumber().longValueExact();
        return switch (d) {
            case HashesOnly h -> List.of(new BuiltRecord(new Inference(RecordId.of(tx, index), InferenceMode.TEE,
                    UNKNOWN_MODEL, null, null, null, SettlementKind.INDIVIDUAL, block, blockTime, null, h.inputHash(),
                    h.outputHash(), null, null, null, List.of(), List.of(), List.of(), null),
                    List.of(HASHES_ONLY_NOTE)));
            case WithMetadata m -> {
                List<String> notes = new ArrayList<>(List.of(METADATA_NOTE));
                if (m.inputData().length == 0 && m.outputData().length == 0) {
                    notes.add("the event carries empty input and output data");
                }
                String model = m.modelInfo() == null || m.modelInfo().isBlank() ? UNKNOWN_MODEL : m.modelInfo();
                yield List.of(new BuiltRecord(new Inference(RecordId.of(tx, index), InferenceMode.TEE, model, null,
                        null, null, SettlementKind.INDIVIDUAL, block, blockTime, null, m.inputHash(), m.outputHash(),
                        null, null, null, List.of(), List.of(), List.of(), null), notes));
            }
            case RootOnly r -> {
                int n = r.batchSize().bitLength() > 31 ? SettledRecordBuilder.MAX_PLACEHOLDERS
                        : Math.min(r.batchSize().intValue(), SettledRecordBuilder.MAX_PLACEHOLDERS);
                List<BuiltRecord> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(new BuiltRecord(new Inference(RecordId.leaf(tx, index, i), InferenceMode.TEE,
                            UNKNOWN_MODEL, null, null, null, SettlementKind.BATCH, block, blockTime, null, null, null,
                            null, null, r.merkleRoot(), List.of(), List.of(), List.of(), null),
                            List.of(ROOT_ONLY_NOTE)));
                }
                yield out;
            }
        };
    }
}
