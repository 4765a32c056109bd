package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * runManyWithResults calldata is decoded element by element (web3j on each element's part of the calldata) instead of
 * as one array; the records, and the reason when there are none, must be exactly what web3j makes of the whole
 * calldata, for well-formed calls and for heads that point elsewhere than the next part.
 */
class InferenceCallsPartsTest {

    private static final InferenceCalls CALLS = new InferenceCalls();
    private static final int WORD = 64;

    @Test
    void wellFormedCallsDecodeAsTheWholeArrayDoes() throws Exception {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 5, 17}) {
            String calldata = runMany(records(random, n));
            List<InferenceCalls.CallRecord> decoded = CALLS.decode(calldata);
            assertEquals(n, decoded.size());
            assertEquals(whole(calldata), decoded);
            // and it was decoded part by part, not by the fallback
            assertEquals(n, InferenceCalls.elements(calldata.substring(10), IInference.InferenceRecord.class).size());
        }
    }

    @Test
    void jsonsLayoutDecodesAsTheWholeArrayDoes() throws RecordProblem {
        List<IInferenceJsons.InferenceRecord> rs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            IInferenceJsons.ModelInput in = new IInferenceJsons.ModelInput(List.of(new IInferenceJsons
                    .MultiDimensionalNumberTensor("x", List.of(new IInferenceJsons.Number(BigInteger.valueOf(i - 1),
                    BigInteger.TWO)), List.of(BigInteger.ONE))), List.of());
            IInferenceJsons.ModelOutput out = new IInferenceJsons.ModelOutput(List.of(), List.of(),
                    List.of(new IInferenceJsons.JsonTensor("doc", "{\"k\":" + i + "}")), false);
            rs.add(new IInferenceJsons.InferenceRecord("Qm" + i, BigInteger.valueOf(i % 3), in, out));
        }
        String calldata = FunctionEncoder.encode(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, rs)), List.of()));
        List<InferenceCalls.CallRecord> decoded = CALLS.decode(calldata);
        List<Type> a = FunctionReturnDecoder.decode("0x" + calldata.substring(10), Utils.convert(List.of(
                new TypeReference<DynamicArray<IInferenceJsons.InferenceRecord>>() {})));
        @SuppressWarnings("unchecked")
        List<IInferenceJsons.InferenceRecord> expected =
                ((DynamicArray<IInferenceJsons.InferenceRecord>) a.get(0)).getValue();
        assertEquals(expected.stream().map(r -> new InferenceCalls.CallRecord(r.modelId, r.inferenceMode,
                ChainModelData.of(r.modelInput))).toList(), decoded);
        assertEquals("Qm2", decoded.get(2).modelId());
    }

    @Test
    void headsOutOfOrderDecodeAsTheWholeArrayDoes() throws Exception {
        String calldata = runMany(records(new Random(3), 3));
        // swap the offsets of elements 0 and 1: web3j then reads element 1's data first
        String swapped = withHeadWord(withHeadWord(calldata, 0, headWord(calldata, 1)), 1, headWord(calldata, 0));
        List<InferenceCalls.CallRecord> decoded = CALLS.decode(swapped);
        assertNull(InferenceCalls.elements(swapped.substring(10), IInference.InferenceRecord.class));
        assertEquals(whole(swapped), decoded);
        assertEquals(whole(calldata).get(1), decoded.get(0));
    }

    @Test
    void elementsSharingTheirDataDecodeAsTheWholeArrayDoes() throws RecordProblem {
        String calldata = runMany(records(new Random(4), 3));
        String shared = withHeadWord(calldata, 1, headWord(calldata, 0));
        List<InferenceCalls.CallRecord> decoded = CALLS.decode(shared);
        assertEquals(whole(shared), decoded);
        assertEquals(decoded.get(0), decoded.get(1));
    }

    @Test
    void aHeadPastTheDataIsRefusedAsTheWholeArrayRefusesIt() {
        String calldata = runMany(records(new Random(5), 2));
        String past = withHeadWord(calldata, 1, "f".repeat(WORD));
        assertThrows(RecordProblem.class, () -> CALLS.decode(past));
        assertThrows(RuntimeException.class, () -> whole(past));
    }

    @Test
    void truncatedCalldataIsRefused() {
        String calldata = runMany(records(new Random(6), 4));
        String truncated = calldata.substring(0, calldata.length() - 3 * WORD);
        RecordProblem p = assertThrows(RecordProblem.class, () -> CALLS.decode(truncated));
        assertTrue(p.getMessage().contains("cannot be decoded"), p.getMessage());
        assertNotEquals(calldata, truncated);
    }

    private static List<IInference.InferenceRecord> records(Random random, int n) {
        List<IInference.InferenceRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int values = 1 + random.nextInt(40);
            List<IInference.Number> xs = new ArrayList<>();
            for (int v = 0; v < values; v++) {
                xs.add(new IInference.Number(BigInteger.valueOf(random.nextInt(2_000_001) - 1_000_000),
                        BigInteger.valueOf(random.nextInt(9))));
            }
            IInference.ModelInput in = new IInference.ModelInput(List.of(new IInference.MultiDimensionalNumberTensor(
                    "features", xs, List.of(BigInteger.ONE, BigInteger.valueOf(values)))),
                    random.nextBoolean() ? List.of() : List.of(new IInference.StringTensor("tag", List.of("a" + i))));
            IInference.ModelOutput out2 = new IInference.ModelOutput(List.of(new IInference.MultiDimensionalNumberTensor(
                    "y", List.of(new IInference.Number(BigInteger.valueOf(i), BigInteger.ONE)), List.of(BigInteger.ONE))),
                    List.of(), false);
            out.add(new IInference.InferenceRecord("Qm" + random.nextInt(1000), BigInteger.valueOf(random.nextInt(3)), in,
                    out2));
        }
        return out;
    }

    private static String runMany(List<IInference.InferenceRecord> rs) {
        return FunctionEncoder.encode(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInference.InferenceRecord.class, rs)), List.of()));
    }

    /** What web3j makes of the whole array, in the records' neutral form. */
    private static List<InferenceCalls.CallRecord> whole(String calldata) {
        List<Type> a = FunctionReturnDecoder.decode("0x" + calldata.substring(10), Utils.convert(List.of(
                new TypeReference<DynamicArray<IInference.InferenceRecord>>() {})));
        @SuppressWarnings("unchecked")
        List<IInference.InferenceRecord> rs = ((DynamicArray<IInference.InferenceRecord>) a.get(0)).getValue();
        return rs.stream().map(r -> new InferenceCalls.CallRecord(r.modelId, r.inferenceMode,
                ChainModelData.of(r.modelInput))).toList();
    }

    /** Hex position of element i's offset word: selector, the array's offset, its length, then one word each. */
    private static int headAt(int i) {
        return 10 + 2 * WORD + i * WORD;
    }

    private static String headWord(String calldata, int i) {
        return calldata.substring(headAt(i), headAt(i) + WORD);
    }

    private static String withHeadWord(String calldata, int i, String word) {
        return calldata.substring(0, headAt(i)) + word + calldata.substring(headAt(i) + WORD);
    }
}
