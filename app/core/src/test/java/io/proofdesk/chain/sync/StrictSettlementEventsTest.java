package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * headlong's settlement events must be the wrapper's: the same fields for every well-formed log, and on damaged logs
 * (a topic or a data word replaced) either a refusal or the wrapper's own answer, never another.
 */
class StrictSettlementEventsTest {

    private static final String INDIVIDUAL = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    private static final String BATCH = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);

    @Test
    void wellFormedLogsDecodeByHeadlongToTheWrappersFields() {
        Random random = new Random(21);
        for (int i = 0; i < 200; i++) {
            Log single = individual(random);
            var strict = StrictSettlementEvents.individual(single);
            assertTrue(strict.isPresent(), "headlong refused a well-formed IndividualSettlement");
            assertSame(IInferenceSettlementRelay.getIndividualSettlementEventFromLog(single), strict.get());
            Log batch = batch(random);
            var strictBatch = StrictSettlementEvents.batch(batch);
            assertTrue(strictBatch.isPresent(), "headlong refused a well-formed BatchSettlement");
            assertSame(IInferenceSettlementRelay.getBatchSettlementEventFromLog(batch), strictBatch.get());
        }
    }

    @Test
    void damagedLogsAreRefusedOrDecodedAsTheWrapperDecodesThem() {
        Random random = new Random(22);
        int refused = 0;
        int agreed = 0;
        for (int i = 0; i < 1500; i++) {
            Log single = damaged(random, individual(random));
            Optional<IInferenceSettlementRelay.IndividualSettlementEventResponse> strict =
                    StrictSettlementEvents.individual(single);
            if (strict.isEmpty()) {
                refused++;
            } else {
                assertSame(IInferenceSettlementRelay.getIndividualSettlementEventFromLog(single), strict.get());
                agreed++;
            }
            Log batch = damaged(random, batch(random));
            var strictBatch = StrictSettlementEvents.batch(batch);
            if (strictBatch.isEmpty()) {
                refused++;
            } else {
                assertSame(IInferenceSettlementRelay.getBatchSettlementEventFromLog(batch), strictBatch.get());
                agreed++;
            }
        }
        assertTrue(refused > 100, "refused " + refused);
        assertTrue(agreed > 100, "agreed " + agreed);
    }

    @Test
    void otherEventsAndWrongTopicCountsAreLeftToTheWrapper() {
        Random random = new Random(23);
        Log single = individual(random);
        single.setTopics(List.of(BATCH, single.getTopics().get(1), single.getTopics().get(2)));
        assertTrue(StrictSettlementEvents.individual(single).isEmpty());
        Log batch = batch(random);
        batch.setTopics(List.of(BATCH));
        assertTrue(StrictSettlementEvents.batch(batch).isEmpty());
        Log addressWithHighBytes = individual(random);
        List<String> topics = new ArrayList<>(addressWithHighBytes.getTopics());
        topics.set(2, "0x01" + topics.get(2).substring(4));
        addressWithHighBytes.setTopics(topics);
        // web3j keeps the low 20 bytes of such a topic; headlong refuses it, so the wrapper's answer is the one used
        assertTrue(StrictSettlementEvents.individual(addressWithHighBytes).isEmpty());
    }

    private static void assertSame(IInferenceSettlementRelay.IndividualSettlementEventResponse expected,
                                   IInferenceSettlementRelay.IndividualSettlementEventResponse actual) {
        assertArrayEquals(expected.teeId, actual.teeId);
        assertEquals(expected.ethAddress, actual.ethAddress);
        assertArrayEquals(expected.inputHash, actual.inputHash);
        assertArrayEquals(expected.outputHash, actual.outputHash);
        assertEquals(expected.timestamp, actual.timestamp);
        assertArrayEquals(expected.walrusBlobId, actual.walrusBlobId);
        assertArrayEquals(expected.signature, actual.signature);
        assertEquals(expected.log, actual.log);
    }

    private static void assertSame(IInferenceSettlementRelay.BatchSettlementEventResponse expected,
                                   IInferenceSettlementRelay.BatchSettlementEventResponse actual) {
        assertArrayEquals(expected.merkleRoot, actual.merkleRoot);
        assertEquals(expected.batchSize, actual.batchSize);
        assertArrayEquals(expected.walrusBlobId, actual.walrusBlobId);
        assertEquals(expected.log, actual.log);
    }

    private static Log individual(Random random) {
        Log l = new Log();
        l.setTopics(List.of(INDIVIDUAL, word(random), "0x" + TypeEncoder.encode(new Address(new BigInteger(160,
                random)))));
        l.setData("0x" + FunctionEncoder.encodeConstructor(List.of(new Bytes32(bytes(random, 32)),
                new Bytes32(bytes(random, 32)), new Uint256(new BigInteger(random.nextInt(64) + 1, random)),
                new DynamicBytes(("blob-" + random.nextInt(1 << 20)).getBytes(StandardCharsets.UTF_8)),
                new DynamicBytes(bytes(random, random.nextBoolean() ? 65 : random.nextInt(100))))));
        return l;
    }

    private static Log batch(Random random) {
        Log l = new Log();
        l.setTopics(List.of(BATCH, word(random)));
        l.setData("0x" + FunctionEncoder.encodeConstructor(List.of(new Uint256(random.nextInt(5000)),
                new DynamicBytes(("batch-" + random.nextInt(1 << 20)).getBytes(StandardCharsets.UTF_8)))));
        return l;
    }

    /** One topic after topic0, or one data word, replaced by a small number or random bytes. */
    private static Log damaged(Random random, Log l) {
        String word = random.nextBoolean() ? "%064x".formatted(random.nextInt(300)) : word(random).substring(2);
        if (random.nextInt(4) == 0 && l.getTopics().size() > 1) {
            List<String> topics = new ArrayList<>(l.getTopics());
            topics.set(1 + random.nextInt(topics.size() - 1), "0x" + word);
            l.setTopics(topics);
        } else {
            String data = l.getData();
            int at = 2 + 64 * random.nextInt((data.length() - 2) / 64);
            l.setData(data.substring(0, at) + word + data.substring(at + 64));
        }
        return l;
    }

    private static String word(Random random) {
        return "0x" + java.util.HexFormat.of().formatHex(bytes(random, 32));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
