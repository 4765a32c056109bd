package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The direct decoder gives exactly what web3j's decoder gives through the generated wrappers, on calldata and event
 * data encoded by web3j's own encoder (random records in both layouts: empty and multi-byte strings, empty arrays,
 * int128 extremes, negative shapes), and declines anything not in canonical form so that web3j decides it.
 */
class CanonicalInferenceAbiTest {

    private static final BigInteger INT128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger INT128_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private final InferenceCalls calls = new InferenceCalls();

    @Test
    @DisplayName("runManyWithResults calldata: the direct decoder and web3j agree on 200 random calls of both layouts")
    void calldataMatchesWeb3j() throws Exception {
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            boolean jsons = i % 2 == 1;
            String calldata = jsons ? FunctionEncoder.encode(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                    List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, recordsJ(rnd))), List.of()))
                    : FunctionEncoder.encode(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                    List.of(new DynamicArray<>(IInference.InferenceRecord.class, records(rnd))), List.of()));
            byte[] args = HexFormat.of().parseHex(calldata, 10, calldata.length());
            List<InferenceCalls.CallRecord> direct = CanonicalInferenceAbi.runMany(args, jsons);
            List<InferenceCalls.CallRecord> reference = calls.reference(calldata);
            assertEquals(describe(reference), describe(direct), "call " + i);
            assertEquals(describe(reference), describe(calls.decode(calldata)), "call " + i);
        }
    }

    @Test
    @DisplayName("InferenceResult event data: the direct decoder and the wrappers agree in both layouts")
    void eventOutputMatchesWeb3j() throws Exception {
        Random rnd = new Random(11);
        for (int i = 0; i < 100; i++) {
            IInference.ModelOutput out = output(rnd);
            String data = FunctionEncoder.encodeConstructor(List.of(out));
            Log log = new Log();
            log.setTopics(List.of(org.web3j.abi.EventEncoder.encode(IInference.INFERENCERESULT_EVENT)));
            log.setData("0x" + data);
            assertEquals(describe(ChainModelData.of(IInference.getInferenceResultEventFromLog(log).output)),
                    describe(CanonicalInferenceAbi.output(HexFormat.of().parseHex(data), false)));

            IInferenceJsons.ModelOutput outJ = outputJ(rnd);
            String dataJ = FunctionEncoder.encodeConstructor(List.of(outJ));
            log.setTopics(List.of(org.web3j.abi.EventEncoder.encode(IInferenceJsons.INFERENCERESULT_EVENT)));
            log.setData("0x" + dataJ);
            assertEquals(describe(ChainModelData.of(IInferenceJsons.getInferenceResultEventFromLog(log).output)),
                    describe(CanonicalInferenceAbi.output(HexFormat.of().parseHex(dataJ), true)));
        }
    }

    @Test
    @DisplayName("IndividualSettlement logs: the direct decoder and the wrapper agree; odd logs are declined")
    void settlementMatchesWeb3j() throws Exception {
        Random rnd = new Random(5);
        String topic0 = org.web3j.abi.EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
        for (int i = 0; i < 100; i++) {
            byte[] blob = new byte[rnd.nextInt(80)];
            byte[] signature = new byte[rnd.nextInt(300)];
            rnd.nextBytes(blob);
            rnd.nextBytes(signature);
            String data = FunctionEncoder.encodeConstructor(List.of(new Bytes32(random32(rnd)),
                    new Bytes32(random32(rnd)), new Uint256(new BigInteger(rnd.nextInt(257), rnd)),
                    new DynamicBytes(blob), new DynamicBytes(signature)));
            Log log = new Log();
            String address = "0x" + HexFormat.of().formatHex(Arrays.copyOf(random32(rnd), 20));
            log.setTopics(List.of(topic0, "0x" + TypeEncoder.encode(new Bytes32(random32(rnd))),
                    "0x" + TypeEncoder.encode(new Address(address))));
            log.setData("0x" + data);
            var expected = IInferenceSettlementRelay.getIndividualSettlementEventFromLog(log);
            var direct = CanonicalInferenceAbi.individualSettlement(log, topic0);
            assertEquals(HexFormat.of().formatHex(expected.teeId), HexFormat.of().formatHex(direct.teeId));
            assertEquals(expected.ethAddress, direct.ethAddress);
            assertEquals(HexFormat.of().formatHex(expected.inputHash), HexFormat.of().formatHex(direct.inputHash));
            assertEquals(HexFormat.of().formatHex(expected.outputHash), HexFormat.of().formatHex(direct.outputHash));
            assertEquals(expected.timestamp, direct.timestamp);
            assertEquals(HexFormat.of().formatHex(expected.walrusBlobId), HexFormat.of().formatHex(direct.walrusBlobId));
            assertEquals(HexFormat.of().formatHex(expected.signature), HexFormat.of().formatHex(direct.signature));

            Log upper = new Log();
            upper.setTopics(List.of(topic0.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"),
                    log.getTopics().get(1), log.getTopics().get(2)));
            upper.setData(log.getData());
            assertThrows(CanonicalInferenceAbi.NotCanonical.class,
                    () -> CanonicalInferenceAbi.individualSettlement(upper, topic0));
            Log trailing = new Log();
            trailing.setTopics(log.getTopics());
            trailing.setData(log.getData() + "00".repeat(32));
            assertThrows(CanonicalInferenceAbi.NotCanonical.class,
                    () -> CanonicalInferenceAbi.individualSettlement(trailing, topic0));
        }
    }

    private static byte[] random32(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return b;
    }

    @Test
    @DisplayName("a non-canonical encoding (dirty int128 high bytes, moved offset, trailing bytes, truncation) is declined")
    void declinesNonCanonical() {
        Random rnd = new Random(3);
        List<IInference.InferenceRecord> rs = List.of(record(rnd, 1));
        String calldata = FunctionEncoder.encode(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInference.InferenceRecord.class, rs)), List.of()));
        byte[] args = HexFormat.of().parseHex(calldata, 10, calldata.length());

        byte[] trailing = Arrays.copyOf(args, args.length + 32);
        assertThrows(CanonicalInferenceAbi.NotCanonical.class, () -> CanonicalInferenceAbi.runMany(trailing, false));
        byte[] truncated = Arrays.copyOf(args, args.length - 32);
        assertThrows(CanonicalInferenceAbi.NotCanonical.class, () -> CanonicalInferenceAbi.runMany(truncated, false));
        byte[] moved = args.clone();
        moved[31] = 64; // the array's offset, canonically 32
        assertThrows(CanonicalInferenceAbi.NotCanonical.class, () -> CanonicalInferenceAbi.runMany(moved, false));
        // the record's first Number value word: sign extension broken in its high half
        byte[] dirty = args.clone();
        int at = firstNumberWord(args);
        dirty[at] = (byte) (dirty[at] ^ 0x01);
        assertThrows(CanonicalInferenceAbi.NotCanonical.class, () -> CanonicalInferenceAbi.runMany(dirty, false));
    }

    /** The offset of the first Number value word of the single record's first input tensor. */
    private static int firstNumberWord(byte[] a) {
        int array = 32;
        int rec = array + 32 + word(a, array + 32);
        int input = rec + word(a, rec + 64);
        int numbers = input + word(a, input);
        int tensor = numbers + 32 + word(a, numbers + 32);
        int values = tensor + word(a, tensor + 32);
        return values + 32;
    }

    private static int word(byte[] a, int at) {
        return new BigInteger(1, Arrays.copyOfRange(a, at, at + 32)).intValueExact();
    }

    private static List<IInference.InferenceRecord> records(Random rnd) {
        List<IInference.InferenceRecord> out = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(record(rnd, 1 + rnd.nextInt(3)));
        }
        return out;
    }

    private static IInference.InferenceRecord record(Random rnd, int tensors) {
        List<IInference.MultiDimensionalNumberTensor> numbers = new ArrayList<>();
        for (int t = 0; t < tensors; t++) {
            numbers.add(new IInference.MultiDimensionalNumberTensor(text(rnd), numbers(rnd), shape(rnd)));
        }
        IInference.ModelInput in = new IInference.ModelInput(numbers, stringTensors(rnd));
        return new IInference.InferenceRecord(text(rnd), BigInteger.valueOf(rnd.nextInt(256)), in, output(rnd));
    }

    private static IInference.ModelOutput output(Random rnd) {
        List<IInference.MultiDimensionalNumberTensor> numbers = new ArrayList<>();
        for (int t = rnd.nextInt(3); t > 0; t--) {
            numbers.add(new IInference.MultiDimensionalNumberTensor(text(rnd), numbers(rnd), shape(rnd)));
        }
        return new IInference.ModelOutput(numbers, stringTensors(rnd), rnd.nextBoolean());
    }

    private static List<IInference.Number> numbers(Random rnd) {
        List<IInference.Number> out = new ArrayList<>();
        for (int k = rnd.nextInt(6); k > 0; k--) {
            out.add(new IInference.Number(int128(rnd), int128(rnd)));
        }
        return out;
    }

    private static List<IInference.StringTensor> stringTensors(Random rnd) {
        List<IInference.StringTensor> out = new ArrayList<>();
        for (int t = rnd.nextInt(3); t > 0; t--) {
            List<String> values = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                values.add(text(rnd));
            }
            out.add(new IInference.StringTensor(text(rnd), values));
        }
        return out;
    }

    private static List<IInferenceJsons.InferenceRecord> recordsJ(Random rnd) {
        List<IInferenceJsons.InferenceRecord> out = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            List<IInferenceJsons.MultiDimensionalNumberTensor> numbers = new ArrayList<>();
            for (int t = 1 + rnd.nextInt(2); t > 0; t--) {
                numbers.add(new IInferenceJsons.MultiDimensionalNumberTensor(text(rnd), numbersJ(rnd), shape(rnd)));
            }
            IInferenceJsons.ModelInput in = new IInferenceJsons.ModelInput(numbers, stringTensorsJ(rnd));
            out.add(new IInferenceJsons.InferenceRecord(text(rnd), BigInteger.valueOf(rnd.nextInt(3)), in,
                    outputJ(rnd)));
        }
        return out;
    }

    private static IInferenceJsons.ModelOutput outputJ(Random rnd) {
        List<IInferenceJsons.MultiDimensionalNumberTensor> numbers = new ArrayList<>();
        for (int t = rnd.nextInt(3); t > 0; t--) {
            numbers.add(new IInferenceJsons.MultiDimensionalNumberTensor(text(rnd), numbersJ(rnd), shape(rnd)));
        }
        List<IInferenceJsons.JsonTensor> jsons = new ArrayList<>();
        for (int t = rnd.nextInt(3); t > 0; t--) {
            jsons.add(new IInferenceJsons.JsonTensor(text(rnd), "{\"v\": \"" + text(rnd) + "\"}"));
        }
        return new IInferenceJsons.ModelOutput(numbers, stringTensorsJ(rnd), jsons, rnd.nextBoolean());
    }

    private static List<IInferenceJsons.Number> numbersJ(Random rnd) {
        List<IInferenceJsons.Number> out = new ArrayList<>();
        for (int k = rnd.nextInt(6); k > 0; k--) {
            out.add(new IInferenceJsons.Number(int128(rnd), int128(rnd)));
        }
        return out;
    }

    private static List<IInferenceJsons.StringTensor> stringTensorsJ(Random rnd) {
        List<IInferenceJsons.StringTensor> out = new ArrayList<>();
        for (int t = rnd.nextInt(3); t > 0; t--) {
            List<String> values = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                values.add(text(rnd));
            }
            out.add(new IInferenceJsons.StringTensor(text(rnd), values));
        }
        return out;
    }

    private static BigInteger int128(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> INT128_MIN;
            case 1 -> INT128_MAX;
            case 2 -> BigInteger.ZERO;
            case 3 -> BigInteger.valueOf(-rnd.nextInt(1_000_000));
            default -> new BigInteger(127, rnd).subtract(rnd.nextBoolean() ? BigInteger.ZERO : INT128_MAX);
        };
    }

    private static List<BigInteger> shape(Random rnd) {
        List<BigInteger> out = new ArrayList<>();
        for (int k = rnd.nextInt(4); k > 0; k--) {
            out.add(rnd.nextInt(5) == 0 ? new BigInteger(255, rnd).negate() : BigInteger.valueOf(rnd.nextInt(100)));
        }
        return out;
    }

    private static String text(Random rnd) {
        String[] parts = {"", "features", "ünïcødé", "日本語", "a".repeat(31), "b".repeat(32), "c".repeat(33), "😀"};
        return parts[rnd.nextInt(parts.length)] + (rnd.nextBoolean() ? "" : Integer.toString(rnd.nextInt(1000)));
    }

    private static String describe(List<InferenceCalls.CallRecord> records) {
        StringBuilder b = new StringBuilder();
        for (InferenceCalls.CallRecord r : records) {
            b.append(r.modelId()).append('|').append(r.mode()).append('|').append(describe(r.input())).append('\n');
        }
        return b.toString();
    }

    private static String describe(ChainModelData d) {
        StringBuilder b = new StringBuilder();
        d.numbers().forEach(t -> b.append(t.name()).append(t.values()).append(t.shape()).append(';'));
        d.strings().forEach(s -> b.append(s.name()).append(s.values())
                .append(s.shape() == null ? "flat" : Arrays.toString(s.shape())).append(';'));
        return b.toString();
    }
}
