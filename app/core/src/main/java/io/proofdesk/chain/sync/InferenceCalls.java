package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Recovers (modelId, mode, input) of inference records from a transaction's calldata, through the generated
 * wrappers' struct types: the real network's {@code run} in each of its three input layouts (no shape 0x17f7542e,
 * int256[] shape 0x926779b3, uint32[] shape 0xcbf09d80), and the demo network's {@code runWithResult} and
 * {@code runManyWithResults} in both ModelOutput layouts, told apart by their 4-byte selectors, all through web3j's
 * decoder. headlong decodes each first ({@link StrictInferenceAbi}, with the wrappers' own signatures); web3j decodes
 * what headlong refuses, as before. No ABI is decoded by hand.
 */
final class InferenceCalls {

    /** One record of a call, in calldata order. */
    record CallRecord(String modelId, BigInteger mode, ChainModelData input) {
    }

    /** One ABI word in hex characters. */
    private static final int WORD = 64;

    /** Why ABI data whose declared array length web3j could not allocate is refused. */
    static final String TOO_LARGE = "it declares an array longer than memory can hold";

    private final String run;
    private final String runNoShape;
    private final String runU32;
    private final String runWithResult;
    private final String runWithResultJsons;
    private final String runMany;
    private final String runManyJsons;
    private final StrictInferenceAbi strict;

    InferenceCalls() {
        IInference.ModelInput in = new IInference.ModelInput(List.of(), List.of());
        IInference.ModelOutput out = new IInference.ModelOutput(List.of(), List.of(), false);
        IInferenceJsons.ModelInput inJ = new IInferenceJsons.ModelInput(List.of(), List.of());
        IInferenceJsons.ModelOutput outJ = new IInferenceJsons.ModelOutput(List.of(), List.of(), List.of(), false);
        // the same Function shapes the wrappers build; only the selector (first 4 bytes) is kept
        run = selector(new Function(IInference.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0), in), List.of()));
        runNoShape = selector(new Function(IInferenceNoShape.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0),
                new IInferenceNoShape.ModelInput(List.of(), List.of())), List.of()));
        runU32 = selector(new Function(IInferenceU32.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0),
                new IInferenceU32.ModelInput(List.of(), List.of())), List.of()));
        runWithResult = selector(new Function(IInference.FUNC_RUNWITHRESULT,
                List.of(new Utf8String(""), new Uint8(0), in, out), List.of()));
        runWithResultJsons = selector(new Function(IInferenceJsons.FUNC_RUNWITHRESULT,
                List.of(new Utf8String(""), new Uint8(0), inJ, outJ), List.of()));
        runMany = selector(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInference.InferenceRecord.class, List.of())), List.of()));
        runManyJsons = selector(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, List.of())), List.of()));
        StrictInferenceAbi.DataShape plain = new StrictInferenceAbi.DataShape(false, false);
        StrictInferenceAbi.DataShape shaped = new StrictInferenceAbi.DataShape(true, false);
        strict = new StrictInferenceAbi()
                .call(run, IInference.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0), in),
                        StrictInferenceAbi.CallShape.SINGLE, shaped)
                .call(runNoShape, IInferenceNoShape.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0),
                        new IInferenceNoShape.ModelInput(List.of(), List.of())), StrictInferenceAbi.CallShape.SINGLE, plain)
                .call(runU32, IInferenceU32.FUNC_RUN, List.of(new Utf8String(""), new Uint8(0),
                        new IInferenceU32.ModelInput(List.of(), List.of())), StrictInferenceAbi.CallShape.SINGLE, shaped)
                .call(runWithResult, IInference.FUNC_RUNWITHRESULT, List.of(new Utf8String(""), new Uint8(0), in, out),
                        StrictInferenceAbi.CallShape.SINGLE, shaped)
                .call(runWithResultJsons, IInferenceJsons.FUNC_RUNWITHRESULT,
                        List.of(new Utf8String(""), new Uint8(0), inJ, outJ), StrictInferenceAbi.CallShape.SINGLE, shaped)
                .call(runMany, IInference.FUNC_RUNMANYWITHRESULTS,
                        List.of(new DynamicArray<>(IInference.InferenceRecord.class, List.of())),
                        StrictInferenceAbi.CallShape.MANY, shaped)
                .call(runManyJsons, IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                        List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, List.of())),
                        StrictInferenceAbi.CallShape.MANY, shaped);
    }

    private static String selector(Function f) {
        return FunctionEncoder.encode(f).substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** The records the calldata carries, in order; a problem if it is none of the known calls. */
    List<CallRecord> decode(String calldata) throws RecordProblem {
        java.util.Optional<List<CallRecord>> fast = strictOnly(calldata);
        return fast.isPresent() ? fast.get() : web3jOnly(calldata);
    }

    /** What web3j makes of the calldata: the records, or why there are none. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<CallRecord> web3jOnly(String calldata) throws RecordProblem {
        if (calldata == null || calldata.length() < 10) {
            throw new RecordProblem("the transaction's calldata is too short to be an inference call");
        }
        String sel = calldata.substring(0, 10).toLowerCase(Locale.ROOT);
        String args = "0x" + calldata.substring(10);
        try {
            if (sel.equals(run)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                        new TypeReference<IInference.ModelInput>() {})));
                return List.of(single(a, ChainModelData.of((IInference.ModelInput) a.get(2))));
            }
            if (sel.equals(runNoShape)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                        new TypeReference<IInferenceNoShape.ModelInput>() {})));
                return List.of(single(a, ChainModelData.of((IInferenceNoShape.ModelInput) a.get(2))));
            }
            if (sel.equals(runU32)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                        new TypeReference<IInferenceU32.ModelInput>() {})));
                return List.of(single(a, ChainModelData.of((IInferenceU32.ModelInput) a.get(2))));
            }
            if (sel.equals(runWithResult)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                        new TypeReference<IInference.ModelInput>() {}, new TypeReference<IInference.ModelOutput>() {})));
                return List.of(single(a, ChainModelData.of((IInference.ModelInput) a.get(2))));
            }
            if (sel.equals(runWithResultJsons)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                        new TypeReference<IInferenceJsons.ModelInput>() {},
                        new TypeReference<IInferenceJsons.ModelOutput>() {})));
                return List.of(single(a, ChainModelData.of((IInferenceJsons.ModelInput) a.get(2))));
            }
            if (sel.equals(runMany)) {
                return records(args, IInference.InferenceRecord.class, () -> {
                    List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                            new TypeReference<DynamicArray<IInference.InferenceRecord>>() {})));
                    return ((DynamicArray<IInference.InferenceRecord>) a.get(0)).getValue();
                }).stream().map(r -> new CallRecord(r.modelId, r.inferenceMode, ChainModelData.of(r.modelInput)))
                        .toList();
            }
            if (sel.equals(runManyJsons)) {
                return records(args, IInferenceJsons.InferenceRecord.class, () -> {
                    List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                            new TypeReference<DynamicArray<IInferenceJsons.InferenceRecord>>() {})));
                    return ((DynamicArray<IInferenceJsons.InferenceRecord>) a.get(0)).getValue();
                }).stream().map(r -> new CallRecord(r.modelId, r.inferenceMode, ChainModelData.of(r.modelInput)))
                        .toList();
            }
        } catch (RuntimeException e) {
            throw new RecordProblem("the inference call's calldata cannot be decoded", e);
        } catch (OutOfMemoryError e) {
            // see ChunkReader.decodeLog: web3j allocates an array as long as the data declares before reading it
            throw new RecordProblem("the inference call's calldata cannot be decoded: " + TOO_LARGE);
        }
        throw new RecordProblem("the transaction is not a run/runWithResult/runManyWithResults call (selector " + sel
                + ")");
    }

    /** As {@link #decode(String)} for calldata as bytes (a proved transaction's). */
    List<CallRecord> decode(byte[] calldata) throws RecordProblem {
        if (calldata.length >= 4) {
            java.util.Optional<List<CallRecord>> fast = strict.records(
                    "0x" + java.util.HexFormat.of().formatHex(calldata, 0, 4), calldata);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return web3jOnly("0x" + java.util.HexFormat.of().formatHex(calldata));
    }

    /** headlong's answer alone (empty when it refuses), so tests can tell which decoder answered. */
    java.util.Optional<List<CallRecord>> strictOnly(String calldata) {
        byte[] bytes = calldata == null || calldata.length() < 10 ? null : StrictInferenceAbi.hexBytes(calldata);
        return bytes == null ? java.util.Optional.empty()
                : strict.records(calldata.substring(0, 10).toLowerCase(Locale.ROOT), bytes);
    }

    /**
     * The elements of a call's one {@code T[]} argument ({@code T} a dynamic struct), each decoded by web3j from its
     * own part of the calldata. Decoding the whole array at once costs web3j time in the square of the calldata: for
     * every element it decodes the struct's static field ({@code uint8 inferenceMode}) by converting ALL the hex from
     * that field to the end of the calldata to bytes and keeping 32 of them, and it copies the rest of the calldata
     * for the element's last dynamic field; on the demo network's 400 KB runManyWithResults calls that was 40% of
     * the sync's decoding. So the array's head is read (length, then one offset per element, relative to the first
     * offset, as web3j itself reads it) and web3j decodes each element from its start to the next element's start.
     * When the head is not laid out that way (offsets out of order or out of range), or an element does not decode
     * from its part alone, {@code whole} decodes the calldata as before, so the records, and the reason when there
     * are none, are always what web3j makes of the whole calldata.
     */
    private static <T extends DynamicStruct> List<T> records(String args, Class<T> type, Supplier<List<T>> whole) {
        String hex = Numeric.cleanHexPrefix(args);
        List<T> out;
        try {
            out = elements(hex, type);
        } catch (RuntimeException | OutOfMemoryError | ClassNotFoundException e) {
            out = null; // whatever web3j makes of the whole calldata is the answer
        }
        return out != null ? out : whole.get();
    }

    /** The elements decoded part by part, or null when the head is not in the order {@link #records} relies on. */
    static <T extends DynamicStruct> List<T> elements(String hex, Class<T> type) throws ClassNotFoundException {
        int array = word(hex, 0);
        int count = word(hex, array) / 2;
        int heads = array + WORD;
        if (array < 0 || count <= 0 || (long) heads + (long) count * WORD > hex.length()) {
            return null;
        }
        int[] starts = new int[count + 1];
        starts[count] = hex.length();
        int previous = heads + count * WORD;
        for (int i = 0; i < count; i++) {
            int at = word(hex, heads + i * WORD);
            if (at < 0 || (long) heads + at < previous || (long) heads + at >= hex.length()) {
                return null;
            }
            starts[i] = heads + at;
            previous = starts[i];
        }
        List<T> out = new ArrayList<>(count);
        TypeReference<T> element = TypeReference.create(type);
        for (int i = 0; i < count; i++) {
            out.add(TypeDecoder.decodeDynamicStruct(hex.substring(starts[i], starts[i + 1]), 0, element));
        }
        return out;
    }

    /**
     * The 32-byte word at {@code at} (hex characters) as a hex-character offset (twice its value), through web3j's
     * decoder; -1 when it is not one that fits this calldata.
     */
    private static int word(String hex, int at) {
        if (at < 0 || at > hex.length() - WORD) {
            return -1;
        }
        BigInteger v = TypeDecoder.decode(hex.substring(at, at + WORD), 0, Uint.class).getValue();
        return v.bitLength() > 29 ? -1 : v.intValue() * 2;
    }

    @SuppressWarnings("rawtypes")
    private static CallRecord single(List<Type> a, ChainModelData input) throws RecordProblem {
        if (a.size() < 3) {
            throw new RecordProblem("the inference call's calldata is truncated");
        }
        return new CallRecord((String) a.get(0).getValue(), (BigInteger) a.get(1).getValue(), input);
    }
}
