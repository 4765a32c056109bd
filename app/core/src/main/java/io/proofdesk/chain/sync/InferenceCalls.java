package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Recovers (modelId, mode, input) of inference records from a transaction's calldata, through the generated
 * wrappers' struct types: the real network's {@code run} in each of its three input layouts (no shape 0x17f7542e,
 * int256[] shape 0x926779b3, uint32[] shape 0xcbf09d80), and the demo network's {@code runWithResult} and
 * {@code runManyWithResults} in both ModelOutput layouts, told apart by their 4-byte selectors, all through web3j's
 * decoder (the project decodes ABI only through web3j and the generated wrappers).
 */
final class InferenceCalls {

    /** One record of a call, in calldata order. */
    record CallRecord(String modelId, BigInteger mode, ChainModelData input) {
    }

    /** Why ABI data whose declared array length web3j could not allocate is refused. */
    static final String TOO_LARGE = "it declares an array longer than memory can hold";

    private final String run;
    private final String runNoShape;
    private final String runU32;
    private final String runWithResult;
    private final String runWithResultJsons;
    private final String runMany;
    private final String runManyJsons;

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
    }

    private static String selector(Function f) {
        return FunctionEncoder.encode(f).substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** The records the calldata carries, in order; a problem if it is none of the known calls. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<CallRecord> decode(String calldata) throws RecordProblem {
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
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<DynamicArray<IInference.InferenceRecord>>() {})));
                List<IInference.InferenceRecord> rs = ((DynamicArray<IInference.InferenceRecord>) a.get(0)).getValue();
                return rs.stream().map(r -> new CallRecord(r.modelId, r.inferenceMode, ChainModelData.of(r.modelInput)))
                        .toList();
            }
            if (sel.equals(runManyJsons)) {
                List<Type> a = FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                        new TypeReference<DynamicArray<IInferenceJsons.InferenceRecord>>() {})));
                List<IInferenceJsons.InferenceRecord> rs =
                        ((DynamicArray<IInferenceJsons.InferenceRecord>) a.get(0)).getValue();
                return rs.stream().map(r -> new CallRecord(r.modelId, r.inferenceMode, ChainModelData.of(r.modelInput)))
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

    @SuppressWarnings("rawtypes")
    private static CallRecord single(List<Type> a, ChainModelData input) throws RecordProblem {
        if (a.size() < 3) {
            throw new RecordProblem("the inference call's calldata is truncated");
        }
        return new CallRecord((String) a.get(0).getValue(), (BigInteger) a.get(1).getValue(), input);
    }
}
