package io.proofdesk.devnet;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.devnet.seed.SeedWindows;
import io.proofdesk.domain.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settling one window while the next is produced must not change the history: the same seed puts the same records
 * in the same transactions, in the same order, as settling each window before producing the next (the way the
 * seeder worked before it overlapped the two).
 */
class OverlappedSeedingTest {

    private static final String RESULT_TOPIC = EventEncoder.encode(IInference.INFERENCERESULT_EVENT);

    @Test
    @DisplayName("overlapped windows put the same records on chain, in the same transactions and order, as one window at a time")
    void overlapKeepsTheHistory() throws Exception {
        // 260 records in windows of 40: batch and inference-contract transactions fill up across window boundaries
        DevnetConfig serialConfig = new DevnetConfig(260, 0.2, 13, Files.createTempDirectory("devnet-serial"));
        DevnetConfig overlapConfig = new DevnetConfig(260, 0.2, 13, Files.createTempDirectory("devnet-overlap"));
        List<List<Object>> serial;
        try (Devnet d = Devnet.start(serialConfig, SeedProgress.NONE, new SeedWindows(40, false))) {
            serial = history(d);
        }
        List<List<Object>> overlapped;
        try (Devnet d = Devnet.start(overlapConfig, SeedProgress.NONE, new SeedWindows(40, true))) {
            overlapped = history(d);
        }
        assertEquals(260, overlapped.size());
        long transactions = overlapped.stream().map(r -> r.get(2)).distinct().count();
        assertTrue(transactions >= 5, "the run spreads over several transactions: " + transactions);
        // some transaction was sent mid-run (all its records lie before the last window), while later windows
        // were still being produced
        Map<Object, Integer> lastRecordOfTx = new HashMap<>();
        for (int i = 0; i < overlapped.size(); i++) {
            lastRecordOfTx.put(overlapped.get(i).get(2), i);
        }
        assertTrue(lastRecordOfTx.values().stream().anyMatch(last -> last < 220), "no transaction sent mid-run");
        assertEquals(serial, overlapped);
    }

    /**
     * Per record, in plan order: honesty, fault, which settlement transaction (by its rank on chain) to which
     * contract, the record's place in it (log position, leaf) and, for inference-contract records, the logged
     * output — everything that does not depend on the clock (timestamps and PSS salts change tx hashes).
     */
    private static List<List<Object>> history(Devnet d) throws IOException {
        GroundTruth truth = d.groundTruth();
        Web3j web3j = Web3j.build(new HttpService(d.manifest().rpcUrl()));
        try {
            Map<String, TransactionReceipt> receipts = new HashMap<>();
            for (GroundTruth.Entry e : truth.records()) {
                String tx = RecordId.parse(e.id()).txHash();
                if (!receipts.containsKey(tx)) {
                    receipts.put(tx, web3j.ethGetTransactionReceipt(tx).send().getTransactionReceipt().orElseThrow());
                }
            }
            List<TransactionReceipt> onChainOrder = new ArrayList<>(receipts.values());
            onChainOrder.sort(Comparator.comparing(TransactionReceipt::getBlockNumber)
                    .thenComparing(TransactionReceipt::getTransactionIndex));
            Map<String, Integer> rank = new HashMap<>();
            for (TransactionReceipt r : onChainOrder) {
                rank.put(r.getTransactionHash(), rank.size());
            }
            List<List<Object>> out = new ArrayList<>();
            for (GroundTruth.Entry e : truth.records()) {
                RecordId id = RecordId.parse(e.id());
                TransactionReceipt receipt = receipts.get(id.txHash());
                BigInteger firstLog = receipt.getLogs().getFirst().getLogIndex();
                Log log = receipt.getLogs().stream().filter(l -> l.getLogIndex().longValueExact() == id.logIndex())
                        .findFirst().orElseThrow();
                out.add(List.of(e.honest(), String.valueOf(e.fault()), rank.get(id.txHash()), receipt.getTo(),
                        id.logIndex() - firstLog.longValueExact(), String.valueOf(id.leafIndex()),
                        log.getTopics().getFirst().equals(RESULT_TOPIC) ? log.getData() : "-"));
            }
            return out;
        } finally {
            web3j.shutdown();
        }
    }
}
