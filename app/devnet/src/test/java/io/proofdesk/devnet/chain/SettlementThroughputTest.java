package io.proofdesk.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * How fast the demo network can settle individual records with settleIndividualMany. The devnet must
 * seed 100,000 inferences in under 3 minutes on 2 cores, i.e. well over 555 records/s for settlement.
 */
class SettlementThroughputTest {
    private static final int RECORDS = 20_000;
    private static final int PER_TRANSACTION = 500;

    @Test
    void batchedIndividualSettlementThroughput(@TempDir Path tmp) throws Exception {
        try (DevChain chain = new DevChain(tmp)) {
            InferenceSettlementRelay relay = chain.contracts.settlementRelay();
            relay.settleIndividualMany(SettlementRecords.asStructs(SettlementRecords.records(0, 50))).send(); // warm-up
            List<List<InferenceSettlementRelay.Settlement>> batches = new java.util.ArrayList<>();
            for (int first = 0; first < RECORDS; first += PER_TRANSACTION) {
                batches.add(SettlementRecords.asStructs(SettlementRecords.records(1_000 + first, PER_TRANSACTION)));
            }
            BigInteger gas = BigInteger.ZERO;
            BigInteger firstBlock = null;
            long start = System.nanoTime();
            for (List<InferenceSettlementRelay.Settlement> batch : batches) {
                TransactionReceipt receipt = relay.settleIndividualMany(batch).send();
                assertTrue(receipt.isStatusOK(), receipt::toString);
                gas = gas.add(receipt.getGasUsed());
                firstBlock = firstBlock == null ? receipt.getBlockNumber() : firstBlock;
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(firstBlock),
                    DefaultBlockParameter.valueOf(chain.session.web3j().ethBlockNumber().send().getBlockNumber()),
                    relay.getContractAddress()).addSingleTopic(
                            EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT));
            int settled = chain.session.web3j().ethGetLogs(filter).send().getLogs().size();
            assertEquals(RECORDS, settled);
            System.out.printf("THROUGHPUT settleIndividualMany: %d records in %d txs (%d per tx) in %.2f s = %.0f records/s;"
                    + " %d gas per record, %d gas per tx%n", RECORDS, batches.size(), PER_TRANSACTION, seconds,
                    RECORDS / seconds, gas.divide(BigInteger.valueOf(RECORDS)), gas.divide(BigInteger.valueOf(batches.size())));
            assertTrue(RECORDS / seconds > 600, "too slow to seed 100k records in 3 minutes");
        }
    }

    /** One transaction per ONNX inference record (runWithResult is not batched): how many per second? */
    @Test
    void singleInferenceRecordThroughput(@TempDir Path tmp) throws Exception {
        try (DevChain chain = new DevChain(tmp)) {
            Inference inference = chain.contracts.inference();
            Inference.ModelInput input = new Inference.ModelInput(List.of(new Inference.MultiDimensionalNumberTensor(
                    "input", java.util.Collections.nCopies(16, new Inference.Number(BigInteger.valueOf(-12345), BigInteger.valueOf(4))),
                    List.of(BigInteger.ONE, BigInteger.valueOf(16)))), List.of());
            Inference.ModelOutput output = new Inference.ModelOutput(List.of(new Inference.MultiDimensionalNumberTensor(
                    "output", java.util.Collections.nCopies(4, new Inference.Number(BigInteger.valueOf(2500), BigInteger.valueOf(4))),
                    List.of(BigInteger.ONE, BigInteger.valueOf(4)))), List.of(), false);
            inference.runWithResult("warm-up", BigInteger.ZERO, input, output).send();
            int count = 200;
            BigInteger gas = BigInteger.ZERO;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                gas = gas.add(inference.runWithResult("model-" + i, BigInteger.ZERO, input, output).send().getGasUsed());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double singleSeconds = seconds;
            List<Inference.InferenceRecord> batch = java.util.Collections.nCopies(100,
                    new Inference.InferenceRecord("model", BigInteger.ZERO, input, output));
            int batches = 20;
            start = System.nanoTime();
            BigInteger batchGas = BigInteger.ZERO;
            for (int i = 0; i < batches; i++) {
                batchGas = batchGas.add(inference.runManyWithResults(batch).send().getGasUsed());
            }
            double batchSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("THROUGHPUT runManyWithResults: %d records in %d txs in %.2f s = %.0f records/s; %d gas per record%n",
                    batches * batch.size(), batches, batchSeconds, batches * batch.size() / batchSeconds,
                    batchGas.divide(BigInteger.valueOf((long) batches * batch.size())));
            seconds = singleSeconds;
            System.out.printf("THROUGHPUT runWithResult (16-in/4-out MLP record): %d txs in %.2f s = %.0f records/s; %d gas per record%n",
                    count, seconds, count / seconds, gas.divide(BigInteger.valueOf(count)));
            assertTrue(count / seconds > 10, "one record per transaction is far too slow");
        }
    }
}
