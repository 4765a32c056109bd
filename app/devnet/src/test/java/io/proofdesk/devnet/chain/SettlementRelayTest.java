package io.proofdesk.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementRelayTest {
    private DevChain chain;
    private InferenceSettlementRelay relay;

    @BeforeAll
    void start(@TempDir Path tmp) {
        chain = new DevChain(tmp);
        relay = chain.contracts.settlementRelay();
    }

    @AfterAll
    void stop() {
        chain.close();
    }

    @Test
    void individualSettlementIsDecodedByTheCoreWrapper() throws Exception {
        SettlementRecords.Record r = SettlementRecords.record(7);
        TransactionReceipt receipt = relay.settleIndividual(r.teeId(), r.inputHash(), r.outputHash(), r.timestamp(),
                r.ethAddress(), r.blobId(), r.signature()).send();

        List<Log> logs = chain.logs(relay.getContractAddress(), IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT,
                receipt);
        assertEquals(1, logs.size());
        assertMatches(r, IInferenceSettlementRelay.getIndividualSettlementEventFromLog(logs.get(0)));
    }

    @Test
    void manyIndividualSettlementsInOneTransactionComeOutInOrder() throws Exception {
        List<SettlementRecords.Record> records = SettlementRecords.records(100, 40);
        TransactionReceipt receipt = relay.settleIndividualMany(SettlementRecords.asStructs(records)).send();

        List<Log> logs = chain.logs(relay.getContractAddress(), IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT,
                receipt);
        assertEquals(records.size(), logs.size());
        for (int i = 0; i < records.size(); i++) {
            assertMatches(records.get(i), IInferenceSettlementRelay.getIndividualSettlementEventFromLog(logs.get(i)));
        }
    }

    @Test
    void batchSettlementAndOpenZeppelinStyleProofs() throws Exception {
        byte[][] leaves = new byte[4][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = Hash.sha3(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        byte[] left = hashPair(leaves[0], leaves[1]);
        byte[] right = hashPair(leaves[2], leaves[3]);
        byte[] root = hashPair(left, right);
        byte[] blobId = "Fq3l6c0ZrLxkTmGdTQ2zXy5bLoE0Q1XvM7s0n6cXhWk".getBytes(StandardCharsets.US_ASCII);

        TransactionReceipt receipt = relay.batchSettle(root, BigInteger.valueOf(4), blobId).send();
        List<Log> logs = chain.logs(relay.getContractAddress(), IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT, receipt);
        IInferenceSettlementRelay.BatchSettlementEventResponse event =
                IInferenceSettlementRelay.getBatchSettlementEventFromLog(logs.get(0));
        assertArrayEquals(root, event.merkleRoot);
        assertEquals(BigInteger.valueOf(4), event.batchSize);
        assertArrayEquals(blobId, event.walrusBlobId);

        assertTrue(relay.verifyProof(List.of(leaves[3], left), root, leaves[2]).send());
        assertTrue(relay.verifyProof(List.of(leaves[0], right), root, leaves[1]).send());
        assertFalse(relay.verifyProof(List.of(leaves[3], left), root, leaves[1]).send(), "wrong leaf");
        assertFalse(relay.verifyProof(List.of(leaves[2], left), root, leaves[2]).send(), "wrong sibling");
    }

    @Test
    void onlyRelayersMaySettle() {
        var other = new RawTransactionManager(chain.session.web3j(), DevAccounts.other(), chain.anvil.chainId(),
                new PollingTransactionReceiptProcessor(chain.session.web3j(), 20, 3000));
        InferenceSettlementRelay asOther = InferenceSettlementRelay.load(relay.getContractAddress(),
                chain.session.web3j(), other, chain.session.gasProvider());
        assertThrows(TransactionException.class,
                () -> asOther.batchSettle(new byte[32], BigInteger.ONE, new byte[0]).send());
    }

    private static void assertMatches(SettlementRecords.Record expected,
            IInferenceSettlementRelay.IndividualSettlementEventResponse actual) {
        assertArrayEquals(expected.teeId(), actual.teeId);
        assertEquals(expected.ethAddress(), actual.ethAddress.toLowerCase());
        assertArrayEquals(expected.inputHash(), actual.inputHash);
        assertArrayEquals(expected.outputHash(), actual.outputHash);
        assertEquals(expected.timestamp(), actual.timestamp);
        assertArrayEquals(expected.blobId(), actual.walrusBlobId);
        assertArrayEquals(expected.signature(), actual.signature);
    }

    private static byte[] hashPair(byte[] a, byte[] b) {
        byte[] pair = new byte[64];
        boolean aFirst = Arrays.compareUnsigned(a, b) < 0;
        System.arraycopy(aFirst ? a : b, 0, pair, 0, 32);
        System.arraycopy(aFirst ? b : a, 0, pair, 32, 32);
        return Hash.sha3(pair);
    }

}
