package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generation of OpenGradient's ONNX inference contract: the interfaces Proofdesk decodes with must give the
 * topic0/selector of the real ABI files (test resources, copied from OpenGradient/sdk at the commits named in their
 * README), and logs and calldata built with web3j's encoder in each layout decode to the values put in, including
 * numbers with negative decimals.
 */
class InferenceGenerationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ourInterfacesHaveTheRealAbisTopicsAndSelectors() throws IOException {
        assertEquals(List.of("0x9d104652", "0x17f7542e"), realSignatures("no-shape.abi"));
        assertEquals(List.of("0x1969adfa", "0x926779b3"), realSignatures("int256-shape.abi"));
        assertEquals(List.of("0x704948ef", "0xcbf09d80"), realSignatures("uint32-shape.abi"));
        assertEquals(List.of("0xc1396ff6", "0xcbf09d80"), realSignatures("uint32-jsons.abi"));

        assertEquals(fullTopic("no-shape.abi"), InferenceResultLogs.NO_SHAPE);
        assertEquals(fullTopic("int256-shape.abi"), InferenceResultLogs.INT256_SHAPE);
        assertEquals(fullTopic("uint32-shape.abi"), InferenceResultLogs.UINT32_SHAPE);
        assertEquals(fullTopic("uint32-jsons.abi"), InferenceResultLogs.UINT32_JSONS);
        for (String abi : List.of("no-shape.abi", "int256-shape.abi", "uint32-shape.abi", "uint32-jsons.abi")) {
            assertTrue(InferenceResultLogs.topics().contains(fullTopic(abi)), abi);
        }
        assertEquals("0x17f7542e", selector(runNoShape("m", 0, List.of())));
        assertEquals("0x926779b3", selector(runInt256("m", 0, List.of())));
        assertEquals("0xcbf09d80", selector(runU32("m", 0, List.of())));
    }

    @Test
    void noShapeLogDecodesFlatWithNegativeDecimalsExact() {
        IInferenceNoShape.ModelOutput out = new IInferenceNoShape.ModelOutput(List.of(
                new IInferenceNoShape.NumberTensor("price", List.of(n0(2, -1), n0(8120, 4), n0(-35, 0)))),
                List.of(new IInferenceNoShape.StringTensor("label", List.of("up", "down"))), false);
        ChainModelData d = decodeLog(InferenceResultLogs.NO_SHAPE, out);
        ChainTensor t = d.numbers().getFirst();
        assertEquals("price", t.name());
        assertEquals(List.of(BigInteger.valueOf(3)), t.shape()); // no shape on chain: kept flat
        assertEquals(List.of("20", "0.8120", "-35"), t.values().stream().map(FixedPointClaims::text).toList());
        assertEquals(0, t.values().getFirst().toBigDecimal().compareTo(new java.math.BigDecimal("20")));
        assertEquals(List.of("up", "down"), d.strings().getFirst().values());
    }

    @Test
    void int256ShapeLogDecodes() {
        IInference.ModelOutput out = new IInference.ModelOutput(List.of(new IInference.MultiDimensionalNumberTensor(
                "probabilities", List.of(n2(1, 1), n2(7, 1), n2(2, 1), n2(0, 0)), shape(2, 2))), List.of(), true);
        ChainModelData d = decodeLog(InferenceResultLogs.INT256_SHAPE, out);
        assertEquals(shape(2, 2), d.numbers().getFirst().shape());
        assertEquals(List.of("0.1", "0.7", "0.2", "0"), texts(d.numbers().getFirst()));
    }

    @Test
    void uint32ShapeLogDecodes() {
        IInferenceU32.ModelOutput out = new IInferenceU32.ModelOutput(List.of(new IInferenceU32.NumberTensor("y",
                List.of(n3(5, -3), n3(-1, 2)), shape(1, 2))), List.of(), false);
        ChainModelData d = decodeLog(InferenceResultLogs.UINT32_SHAPE, out);
        assertEquals(shape(1, 2), d.numbers().getFirst().shape());
        assertEquals(List.of("5000", "-0.01"), texts(d.numbers().getFirst()));
    }

    @Test
    void uint32JsonsLogDecodesJsonsAsOneElementStrings() {
        IInferenceU32Jsons.ModelOutput out = new IInferenceU32Jsons.ModelOutput(
                List.of(new IInferenceU32Jsons.NumberTensor("score", List.of(n4(42, 1)), shape(1))),
                List.of(new IInferenceU32Jsons.StringTensor("tag", List.of("a"))),
                List.of(new IInferenceU32Jsons.JsonScalar("meta", "{\"k\":[1,2]}")), false);
        ChainModelData d = decodeLog(InferenceResultLogs.UINT32_JSONS, out);
        assertEquals(List.of("4.2"), texts(d.numbers().getFirst()));
        assertEquals(2, d.strings().size());
        NamedStrings meta = d.strings().get(1);
        assertEquals("meta", meta.name());
        assertEquals(List.of("{\"k\":[1,2]}"), meta.values());
        assertArrayEquals(new long[] {1}, meta.shape());
        assertTrue(meta.json(), "a jsons entry is kept apart from the string tensors");
        assertFalse(d.strings().get(0).json());
    }

    @Test
    void unknownTopicIsNotALayout() {
        String other = Hash.sha3String("InferenceResult((bool))");
        assertFalse(InferenceResultLogs.isKnown(other));
        assertThrows(IllegalArgumentException.class, () -> InferenceResultLogs.layout(other));
    }

    @Test
    void everyRunLayoutDecodesModelModeAndInput() throws RecordProblem {
        InferenceCalls calls = new InferenceCalls();
        List<InferenceCalls.CallRecord> a = calls.decode(FunctionEncoder.encode(runNoShape("QmOld", 1, List.of(
                new IInferenceNoShape.NumberTensor("x", List.of(n0(15, 1), n0(3, -2)))))));
        assertEquals("QmOld", a.getFirst().modelId());
        assertEquals(BigInteger.ONE, a.getFirst().mode());
        assertEquals(List.of("1.5", "300"), texts(a.getFirst().input().numbers().getFirst()));
        assertEquals(List.of(BigInteger.TWO), a.getFirst().input().numbers().getFirst().shape());

        List<InferenceCalls.CallRecord> b = calls.decode(FunctionEncoder.encode(runInt256("QmMid", 2, List.of(
                new IInference.MultiDimensionalNumberTensor("x", List.of(n2(1, 0), n2(2, 0)), shape(1, 2))))));
        assertEquals("QmMid", b.getFirst().modelId());
        assertEquals(BigInteger.TWO, b.getFirst().mode());
        assertEquals(shape(1, 2), b.getFirst().input().numbers().getFirst().shape());

        List<InferenceCalls.CallRecord> c = calls.decode(FunctionEncoder.encode(runU32("QmNew", 0, List.of(
                new IInferenceU32.NumberTensor("x", List.of(n3(-7, 3)), shape(1, 1))))));
        assertEquals("QmNew", c.getFirst().modelId());
        assertEquals(BigInteger.ZERO, c.getFirst().mode());
        assertEquals(List.of("-0.007"), texts(c.getFirst().input().numbers().getFirst()));
        assertEquals(shape(1, 1), c.getFirst().input().numbers().getFirst().shape());
    }

    @Test
    void anUnknownSelectorIsAProblemNotAGuess() {
        RecordProblem p = assertThrows(RecordProblem.class,
                () -> new InferenceCalls().decode("0xdeadbeef" + "00".repeat(64)));
        assertTrue(p.getMessage().contains("0xdeadbeef"), p.getMessage());
    }

    // --- helpers ---

    private static ChainModelData decodeLog(String topic0, Type<?> output) {
        return InferenceResultLogs.layout(topic0).decoder().apply(log(topic0, output));
    }

    /** A log as the contract emits it: InferenceResult has one non-indexed parameter, so data = abi.encode(output). */
    private static Log log(String topic0, Type<?> output) {
        Log l = new Log();
        l.setAddress("0x8383c9bd7462f12eb996dd02f78234c0421a6fae");
        l.setTopics(List.of(topic0));
        l.setData("0x" + FunctionEncoder.encodeConstructor(List.of(output)));
        return l;
    }

    private static Function runNoShape(String model, int mode, List<IInferenceNoShape.NumberTensor> numbers) {
        return new Function(IInferenceNoShape.FUNC_RUN, List.of(new Utf8String(model), new Uint8(mode),
                new IInferenceNoShape.ModelInput(numbers, List.of())), List.of());
    }

    private static Function runInt256(String model, int mode, List<IInference.MultiDimensionalNumberTensor> numbers) {
        return new Function(IInference.FUNC_RUN, List.of(new Utf8String(model), new Uint8(mode),
                new IInference.ModelInput(numbers, List.of())), List.of());
    }

    private static Function runU32(String model, int mode, List<IInferenceU32.NumberTensor> numbers) {
        return new Function(IInferenceU32.FUNC_RUN, List.of(new Utf8String(model), new Uint8(mode),
                new IInferenceU32.ModelInput(numbers, List.of())), List.of());
    }

    private static String selector(Function f) {
        return FunctionEncoder.encode(f).substring(0, 10);
    }

    // each wrapper has its own Number struct class (the array's element type is part of the encoding)
    private static IInferenceNoShape.Number n0(long value, long decimals) {
        return new IInferenceNoShape.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    private static IInference.Number n2(long value, long decimals) {
        return new IInference.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    private static IInferenceU32.Number n3(long value, long decimals) {
        return new IInferenceU32.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    private static IInferenceU32Jsons.Number n4(long value, long decimals) {
        return new IInferenceU32Jsons.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    private static List<BigInteger> shape(long... dims) {
        List<BigInteger> out = new ArrayList<>();
        for (long d : dims) {
            out.add(BigInteger.valueOf(d));
        }
        return out;
    }

    private static List<String> texts(ChainTensor t) {
        return t.values().stream().map(FixedPointClaims::text).toList();
    }

    /** topic0 and selector prefixes computed from a real ABI file's JSON (canonical types written out). */
    private static List<String> realSignatures(String file) throws IOException {
        return List.of(fullTopic(file).substring(0, 10),
                Hash.sha3String(signature(entry(file, "run"))).substring(0, 10));
    }

    private static String fullTopic(String file) throws IOException {
        return Hash.sha3String(signature(entry(file, "InferenceResult"))).toLowerCase(Locale.ROOT);
    }

    private static JsonNode entry(String file, String name) throws IOException {
        String path = "/opengradient/inference-abi/" + file;
        try (InputStream in = InferenceGenerationsTest.class.getResourceAsStream(path)) {
            for (JsonNode e : JSON.readTree(in)) {
                if (name.equals(e.path("name").asText())) {
                    return e;
                }
            }
        }
        throw new AssertionError(file + " has no " + name);
    }

    private static String signature(JsonNode e) {
        List<String> types = new ArrayList<>();
        e.path("inputs").forEach(p -> types.add(canonical(p)));
        return e.path("name").asText() + "(" + String.join(",", types) + ")";
    }

    private static String canonical(JsonNode p) {
        String type = p.path("type").asText();
        if (!type.startsWith("tuple")) {
            return type;
        }
        List<String> parts = new ArrayList<>();
        p.path("components").forEach(c -> parts.add(canonical(c)));
        return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
    }
}
