package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * headlong (the fast path) must answer exactly what web3j answers for every call and InferenceResult layout, decode
 * every well-formed one itself, and only ever refuse (never answer differently) on damaged data: thousands of
 * mutated calls and logs are decoded both ways and compared.
 */
class StrictInferenceAbiTest {

    private static final InferenceCalls CALLS = new InferenceCalls();

    @Test
    void everyCallLayoutDecodesByHeadlongToWhatWeb3jMakesOfIt() throws RecordProblem {
        Random random = new Random(11);
        for (String calldata : calls(random)) {
            Optional<List<InferenceCalls.CallRecord>> strict = CALLS.strictOnly(calldata);
            assertTrue(strict.isPresent(), "headlong refused a well-formed call " + calldata.substring(0, 10));
            assertSame(web3j(calldata), strict.get(), calldata.substring(0, 10));
            assertSame(web3j(calldata), CALLS.decode(calldata), calldata.substring(0, 10));
        }
    }

    @Test
    void damagedCallsAreRefusedOrDecodedAsWeb3jDecodesThem() {
        Random random = new Random(12);
        int refused = 0;
        int agreed = 0;
        for (int round = 0; round < 40; round++) {
            for (String calldata : calls(random)) {
                String damaged = damage(random, calldata);
                Optional<List<InferenceCalls.CallRecord>> strict = CALLS.strictOnly(damaged);
                if (strict.isEmpty()) {
                    refused++;
                    continue;
                }
                try {
                    assertSame(web3j(damaged), strict.get(), damaged);
                    agreed++;
                } catch (RecordProblem e) {
                    // web3j cuts each dynamic field at the next one's offset; headlong, like Solidity's decoder, lets
                    // a field run over data that follows it (see the next test), so only headlong decodes those
                }
            }
        }
        // both outcomes happen: the damage is not all in places neither decoder reads, nor all fatal
        assertTrue(refused > 50, "refused " + refused);
        assertTrue(agreed > 50, "agreed " + agreed);
    }

    @Test
    void aStringRunningOverTheDataAfterItIsReadAsSolidityReadsIt() throws RecordProblem {
        // run("QmModel", 1, input): the first tensor's name ("features") claims 64 bytes, so it runs over the word
        // after it; Solidity's decoder only checks that the bytes are in the calldata, and so does headlong, while
        // web3j cuts the name at the next field's offset and refuses the call
        String calldata = encode(IInference.FUNC_RUN, new Utf8String("QmModel"), new Uint8(1), input(new Random(16)));
        // selector; heads (modelId, mode, input); modelId (length, data); input heads (numbers, strings); numbers
        // (length, offset of tensor 0); tensor 0 heads (name, values, shape); then the name's length word
        int nameLength = 10 + 12 * 64;
        assertEquals("%064x".formatted(8), calldata.substring(nameLength, nameLength + 64));
        String longer = calldata.substring(0, nameLength) + "%064x".formatted(64)
                + calldata.substring(nameLength + 64);
        List<InferenceCalls.CallRecord> strict = CALLS.strictOnly(longer).orElseThrow();
        String name = strict.getFirst().input().numbers().getFirst().name();
        assertEquals(64, name.length()); // ASCII: the name, its zero padding, then the next word
        assertTrue(name.startsWith("features\0"), name);
        assertEquals(web3j(calldata).getFirst().input().numbers().getFirst().values(),
                strict.getFirst().input().numbers().getFirst().values());
        assertThrows(RecordProblem.class, () -> web3j(longer));
        assertEquals(strict, CALLS.decode(longer));
    }

    @Test
    void aDeclaredLengthTheDataCannotHoldIsRefusedQuickly() {
        String calldata = runManyInt256(new Random(13), 3);
        // the array's length word (after the selector and the array's offset) claims 2^32 - 1 records
        String huge = calldata.substring(0, 10 + 64) + "%064x".formatted(0xffff_ffffL) + calldata.substring(10 + 128);
        assertTrue(CALLS.strictOnly(huge).isEmpty());
        assertThrows(RecordProblem.class, () -> CALLS.decode(huge));
    }

    @Test
    void everyInferenceResultLayoutDecodesByHeadlongToWhatTheWrapperMakesOfIt() {
        Random random = new Random(14);
        for (int round = 0; round < 20; round++) {
            for (LogCase c : logs(random)) {
                ChainModelData both = InferenceResultLogs.layout(c.topic0()).decoder().apply(c.log());
                assertSame(c.web3j().get(), both, c.topic0());
            }
        }
    }

    @Test
    void damagedLogsAreRefusedOrDecodedAsTheWrapperDecodesThem() {
        Random random = new Random(15);
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            for (LogCase c : logs(random)) {
                String data = c.log().getData();
                int at = 2 + 64 * random.nextInt((data.length() - 2) / 64);
                String word = "%064x".formatted(random.nextInt(1 << 16));
                c.log().setData(data.substring(0, at) + word + data.substring(at + 64));
                ChainModelData expected;
                try {
                    expected = c.web3j().get();
                } catch (RuntimeException e) {
                    assertThrows(RuntimeException.class,
                            () -> InferenceResultLogs.layout(c.topic0()).decoder().apply(c.log()));
                    continue;
                }
                assertSame(expected, InferenceResultLogs.layout(c.topic0()).decoder().apply(c.log()), c.topic0());
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared);
    }

    /** ChainModelData's NamedStrings hold a long[] shape, which record equality compares by identity. */
    private static void assertSame(List<InferenceCalls.CallRecord> expected, List<InferenceCalls.CallRecord> actual,
                                   String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).modelId(), actual.get(i).modelId(), what);
            assertEquals(expected.get(i).mode(), actual.get(i).mode(), what);
            assertSame(expected.get(i).input(), actual.get(i).input(), what);
        }
    }

    private static void assertSame(ChainModelData expected, ChainModelData actual, String what) {
        assertEquals(expected.numbers(), actual.numbers(), what);
        assertEquals(expected.strings().size(), actual.strings().size(), what);
        for (int i = 0; i < expected.strings().size(); i++) {
            NamedStrings e = expected.strings().get(i);
            NamedStrings a = actual.strings().get(i);
            assertEquals(e.name(), a.name(), what);
            assertEquals(e.values(), a.values(), what);
            assertEquals(e.json(), a.json(), what);
            assertTrue(Arrays.equals(e.shape(), a.shape()), what);
        }
    }

    /** What web3j alone makes of a call: the decoder with headlong's answer taken away. */
    private static List<InferenceCalls.CallRecord> web3j(String calldata) throws RecordProblem {
        return CALLS.web3jOnly(calldata);
    }

    /** One call of every layout InferenceCalls knows. */
    private static List<String> calls(Random random) {
        List<String> out = new ArrayList<>();
        IInference.ModelInput in = input(random);
        out.add(encode(IInference.FUNC_RUN, new Utf8String(name(random)), new Uint8(random.nextInt(3)), in));
        out.add(encode(IInferenceNoShape.FUNC_RUN, new Utf8String(name(random)), new Uint8(random.nextInt(3)),
                new IInferenceNoShape.ModelInput(List.of(new IInferenceNoShape.NumberTensor("x",
                        numbersNoShape(random))), List.of(new IInferenceNoShape.StringTensor("s", List.of("a", ""))))));
        out.add(encode(IInferenceU32.FUNC_RUN, new Utf8String(name(random)), new Uint8(random.nextInt(3)),
                new IInferenceU32.ModelInput(List.of(new IInferenceU32.NumberTensor("x", numbersU32(random),
                        List.of(BigInteger.ONE, BigInteger.valueOf(4_000_000_000L)))), List.of())));
        out.add(encode(IInference.FUNC_RUNWITHRESULT, new Utf8String(name(random)), new Uint8(random.nextInt(3)), in,
                new IInference.ModelOutput(List.of(), List.of(new IInference.StringTensor("y", List.of("é"))), true)));
        out.add(encode(IInferenceJsons.FUNC_RUNWITHRESULT, new Utf8String(name(random)), new Uint8(random.nextInt(3)),
                inputJ(random), outputJ()));
        out.add(runManyInt256(random, 1 + random.nextInt(4)));
        List<IInferenceJsons.InferenceRecord> rs = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            rs.add(new IInferenceJsons.InferenceRecord(name(random), BigInteger.valueOf(random.nextInt(3)),
                    inputJ(random), outputJ()));
        }
        out.add(FunctionEncoder.encode(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, rs)), List.of())));
        return out;
    }

    private static String runManyInt256(Random random, int n) {
        List<IInference.InferenceRecord> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new IInference.InferenceRecord(name(random), BigInteger.valueOf(random.nextInt(3)), input(random),
                    new IInference.ModelOutput(List.of(), List.of(), false)));
        }
        return FunctionEncoder.encode(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInference.InferenceRecord.class, rs)), List.of()));
    }

    private static String encode(String name, Type<?>... params) {
        return FunctionEncoder.encode(new Function(name, List.of(params), List.of()));
    }

    /** One word of the arguments replaced by a small number: an offset, a length, a value or a character. */
    private static String damage(Random random, String calldata) {
        int words = (calldata.length() - 10) / 64;
        int at = 10 + 64 * random.nextInt(words);
        long value = switch (random.nextInt(3)) {
            case 0 -> random.nextInt(64);
            case 1 -> 32L * random.nextInt(words + 4);
            default -> random.nextLong() & 0xffff_ffffL;
        };
        return calldata.substring(0, at) + "%064x".formatted(value) + calldata.substring(at + 64);
    }

    private static String name(Random random) {
        return "Qm" + Integer.toString(random.nextInt(1 << 30), 36);
    }

    private static IInference.ModelInput input(Random random) {
        List<IInference.Number> xs = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            xs.add(new IInference.Number(signed(random), BigInteger.valueOf(random.nextInt(19))));
        }
        return new IInference.ModelInput(List.of(new IInference.MultiDimensionalNumberTensor("features", xs,
                List.of(BigInteger.ONE, BigInteger.valueOf(n)))), List.of(new IInference.StringTensor("tag",
                List.of("t" + random.nextInt(9)))));
    }

    private static IInferenceJsons.ModelInput inputJ(Random random) {
        return new IInferenceJsons.ModelInput(List.of(new IInferenceJsons.MultiDimensionalNumberTensor("x",
                List.of(new IInferenceJsons.Number(signed(random), BigInteger.TWO)), List.of(BigInteger.ONE))),
                List.of());
    }

    private static IInferenceJsons.ModelOutput outputJ() {
        return new IInferenceJsons.ModelOutput(List.of(), List.of(), List.of(new IInferenceJsons.JsonTensor("doc",
                "{\"k\":[1,2]}")), false);
    }

    private static List<IInferenceNoShape.Number> numbersNoShape(Random random) {
        return List.of(new IInferenceNoShape.Number(signed(random), BigInteger.ONE),
                new IInferenceNoShape.Number(signed(random), BigInteger.ZERO));
    }

    private static List<IInferenceU32.Number> numbersU32(Random random) {
        return List.of(new IInferenceU32.Number(signed(random), BigInteger.valueOf(3)));
    }

    /** Values across int128: small, negative, and at both ends. */
    private static BigInteger signed(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(2_000_001) - 1_000_000);
            case 1 -> BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
            case 2 -> BigInteger.ONE.shiftLeft(127).negate();
            default -> new BigInteger(100, random).negate();
        };
    }

    private record LogCase(String topic0, Log log, Supplier<ChainModelData> web3j) {
    }

    /** One InferenceResult log of every layout, with the wrapper's own decoding of it. */
    private static List<LogCase> logs(Random random) {
        List<LogCase> out = new ArrayList<>();
        IInference.ModelOutput a = new IInference.ModelOutput(List.of(new IInference.MultiDimensionalNumberTensor("y",
                List.of(new IInference.Number(signed(random), BigInteger.TEN)), List.of(BigInteger.ONE))),
                List.of(new IInference.StringTensor("label", List.of("cat", "dog"))), random.nextBoolean());
        out.add(logCase(InferenceResultLogs.INT256_SHAPE, a,
                l -> ChainModelData.of(IInference.getInferenceResultEventFromLog(l).output)));
        IInferenceNoShape.ModelOutput b = new IInferenceNoShape.ModelOutput(List.of(new IInferenceNoShape.NumberTensor(
                "output", numbersNoShape(random))), List.of(), false);
        out.add(logCase(InferenceResultLogs.NO_SHAPE, b,
                l -> ChainModelData.of(IInferenceNoShape.getInferenceResultEventFromLog(l).output)));
        IInferenceU32.ModelOutput c = new IInferenceU32.ModelOutput(List.of(new IInferenceU32.NumberTensor("z",
                numbersU32(random), List.of(BigInteger.ONE))), List.of(), false);
        out.add(logCase(InferenceResultLogs.UINT32_SHAPE, c,
                l -> ChainModelData.of(IInferenceU32.getInferenceResultEventFromLog(l).output)));
        IInferenceU32Jsons.ModelOutput d = new IInferenceU32Jsons.ModelOutput(List.of(), List.of(),
                List.of(new IInferenceU32Jsons.JsonScalar("answer", "{\"v\":" + random.nextInt(99) + "}")), false);
        out.add(logCase(InferenceResultLogs.UINT32_JSONS, d,
                l -> ChainModelData.of(IInferenceU32Jsons.getInferenceResultEventFromLog(l).output)));
        out.add(logCase(InferenceResultLogs.INT256_JSONS, outputJ(),
                l -> ChainModelData.of(IInferenceJsons.getInferenceResultEventFromLog(l).output)));
        return out;
    }

    private static LogCase logCase(String topic0, Type<?> output, java.util.function.Function<Log, ChainModelData> w) {
        Log l = new Log();
        l.setTopics(List.of(topic0));
        l.setData("0x" + FunctionEncoder.encodeConstructor(List.of(output)));
        return new LogCase(topic0, l, () -> w.apply(l));
    }

    @Test
    void theLayoutsAreTheWrappersOwn() {
        // a signature that does not hash to the wrapper's selector or topic is refused when the layout is added
        StrictInferenceAbi abi = new StrictInferenceAbi();
        assertThrows(IllegalStateException.class, () -> abi.event(InferenceResultLogs.NO_SHAPE, "InferenceResult",
                "(int256)", new StrictInferenceAbi.DataShape(false, false)));
        assertThrows(IllegalStateException.class, () -> abi.call("0x12345678", IInference.FUNC_RUN,
                List.of(new Utf8String("")), StrictInferenceAbi.CallShape.SINGLE,
                new StrictInferenceAbi.DataShape(true, false)));
        assertFalse(abi.output(InferenceResultLogs.NO_SHAPE, new byte[64]).isPresent());
    }
}
