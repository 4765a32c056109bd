package io.proofdesk.chain.sync;

import io.proofdesk.chain.HousekeepingEvents;
import io.proofdesk.chain.LegacySettlementEvents;
import io.proofdesk.domain.UnknownEvent;
import org.web3j.protocol.core.methods.response.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The logs of a chunk, sorted out by contract and event (block and log order within each). */
final class SortedLogs {
    final List<Log> registryLogs = new ArrayList<>();
    final List<Log> individual = new ArrayList<>();
    final List<Log> batch = new ArrayList<>();
    /** Settlements of the Dec 2025 relay ({@link io.proofdesk.chain.LegacySettlementEvents}). */
    final List<Log> legacy = new ArrayList<>();
    final List<Log> results = new ArrayList<>();
    /** ModelInferenceEvent logs of the inference precompile. */
    final List<Log> precompile = new ArrayList<>();
    final List<UnknownEvent> unknown = new ArrayList<>();
    int unused;

    SortedLogs(ContractAddresses contracts, List<Log> logs) {
        for (Log l : logs) {
            String address = l.getAddress().toLowerCase(Locale.ROOT);
            // an anonymous event (LOG0) has no topic0; it is no event Proofdesk knows
            String topic = l.getTopics().isEmpty() ? "" : l.getTopics().getFirst().toLowerCase(Locale.ROOT);
            if (address.equals(contracts.registry()) && TeeRegistryReader.isRegistryTopic(topic)) {
                registryLogs.add(l);
            } else if (address.equals(contracts.relay()) && topic.equals(ChunkReader.INDIVIDUAL)) {
                individual.add(l);
            } else if (address.equals(contracts.relay()) && topic.equals(ChunkReader.BATCH)) {
                batch.add(l);
            } else if (address.equals(contracts.relay()) && LegacySettlementEvents.isLegacyTopic(topic)) {
                legacy.add(l);
            } else if (contracts.isInference(address) && InferenceResultLogs.isKnown(topic)) {
                results.add(l);
            } else if (contracts.isPrecompile(address) && PrecompileLogs.isModelInference(topic)) {
                precompile.add(l);
            } else if (contracts.isInference(address) || contracts.isPrecompile(address)
                    || (address.equals(contracts.registry()) || address.equals(contracts.relay()))
                    && !HousekeepingEvents.isHousekeeping(topic) && !TeeRegistryReader.isRegistryTopic(topic)) {
                // a topic of a watched contract that no version Proofdesk knows has: kept as it is, never guessed
                unknown.add(new UnknownEvent(l.getBlockNumber().longValueExact(), l.getLogIndex().longValueExact(),
                        l.getTransactionHash().toLowerCase(Locale.ROOT), address,
                        l.getTopics().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                        l.getData().toLowerCase(Locale.ROOT)));
            } else {
                unused++; // a known event the sync does not keep (housekeeping, or a registry event of no use here)
            }
        }
    }
}
