package io.proofdesk.devnet.liar;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Changes the inference mode of the first record an inference call carries (runWithResult or runManyWithResults,
 * both ModelOutput layouts): decoded and re-encoded by web3j through the contract wrappers, so exactly one calldata
 * byte differs and the call still decodes, as another mode. Any other calldata gets its last byte changed instead.
 */
final class ModeFlip {

    private static final IInference.ModelInput IN = new IInference.ModelInput(List.of(), List.of());
    private static final IInference.ModelOutput OUT = new IInference.ModelOutput(List.of(), List.of(), false);
    private static final IInferenceJsons.ModelInput IN_J = new IInferenceJsons.ModelInput(List.of(), List.of());
    private static final IInferenceJsons.ModelOutput OUT_J =
            new IInferenceJsons.ModelOutput(List.of(), List.of(), List.of(), false);
    private static final String RUN_WITH_RESULT = selector(new Function(IInference.FUNC_RUNWITHRESULT,
            List.of(new Utf8String(""), new Uint8(0), IN, OUT), List.of()));
    private static final String RUN_WITH_RESULT_JSONS = selector(new Function(IInferenceJsons.FUNC_RUNWITHRESULT,
            List.of(new Utf8String(""), new Uint8(0), IN_J, OUT_J), List.of()));
    private static final String RUN_MANY = selector(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
            List.of(new DynamicArray<>(IInference.InferenceRecord.class, List.of())), List.of()));
    private static final String RUN_MANY_JSONS = selector(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
            List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, List.of())), List.of()));

    private ModeFlip() {
    }

    private static String selector(Function f) {
        return FunctionEncoder.encode(f).substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** The calldata with one byte changed: the first record's mode where it can be found. */
    static String flip(String input) {
        String changed = null;
        try {
            changed = flipMode(input);
        } catch (RuntimeException undecodable) {
            // not a call of the demo contracts' shape: fall back to the last byte
        }
        return changed != null ? changed : RpcJson.flipBit(input, -1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String flipMode(String input) {
        if (input == null || input.length() < 10) {
            return null;
        }
        String sel = input.substring(0, 10).toLowerCase(Locale.ROOT);
        String args = "0x" + input.substring(10);
        String out;
        if (sel.equals(RUN_WITH_RESULT) || sel.equals(RUN_WITH_RESULT_JSONS)) {
            boolean jsons = sel.equals(RUN_WITH_RESULT_JSONS);
            List<Type> a = new ArrayList<>(FunctionReturnDecoder.decode(args, Utils.convert(jsons
                    ? List.of(new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                            new TypeReference<IInferenceJsons.ModelInput>() {},
                            new TypeReference<IInferenceJsons.ModelOutput>() {})
                    : List.of(new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                            new TypeReference<IInference.ModelInput>() {},
                            new TypeReference<IInference.ModelOutput>() {}))));
            a.set(1, other((Uint8) a.get(1)));
            out = FunctionEncoder.encode(new Function(IInference.FUNC_RUNWITHRESULT, a, List.of()));
        } else if (sel.equals(RUN_MANY)) {
            List<IInference.InferenceRecord> rs = new ArrayList<>(((DynamicArray<IInference.InferenceRecord>)
                    FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                            new TypeReference<DynamicArray<IInference.InferenceRecord>>() {}))).getFirst()).getValue());
            if (rs.isEmpty()) {
                return null;
            }
            List<Type> v = rs.getFirst().getValue();
            rs.set(0, new IInference.InferenceRecord((Utf8String) v.get(0), other((Uint8) v.get(1)),
                    (IInference.ModelInput) v.get(2), (IInference.ModelOutput) v.get(3)));
            out = FunctionEncoder.encode(new Function(IInference.FUNC_RUNMANYWITHRESULTS,
                    List.of(new DynamicArray<>(IInference.InferenceRecord.class, rs)), List.of()));
        } else if (sel.equals(RUN_MANY_JSONS)) {
            List<IInferenceJsons.InferenceRecord> rs = new ArrayList<>(((DynamicArray<IInferenceJsons.InferenceRecord>)
                    FunctionReturnDecoder.decode(args, Utils.convert(List.of(
                            new TypeReference<DynamicArray<IInferenceJsons.InferenceRecord>>() {}))).getFirst())
                    .getValue());
            if (rs.isEmpty()) {
                return null;
            }
            List<Type> v = rs.getFirst().getValue();
            rs.set(0, new IInferenceJsons.InferenceRecord((Utf8String) v.get(0), other((Uint8) v.get(1)),
                    (IInferenceJsons.ModelInput) v.get(2), (IInferenceJsons.ModelOutput) v.get(3)));
            out = FunctionEncoder.encode(new Function(IInferenceJsons.FUNC_RUNMANYWITHRESULTS,
                    List.of(new DynamicArray<>(IInferenceJsons.InferenceRecord.class, rs)), List.of()));
        } else {
            return null;
        }
        return oneByteApart(input, out) ? out : null;
    }

    /** VANILLA (0) and ZKML (1) swap, TEE (2) becomes 3: the lowest bit flipped. */
    private static Uint8 other(Uint8 mode) {
        return new Uint8(mode.getValue().xor(BigInteger.ONE));
    }

    /** Re-encoding is only trusted when it reproduced every other byte (web3j encodes canonically). */
    static boolean oneByteApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int differing = 0;
        for (int i = 2; i < a.length(); i += 2) {
            if (!a.regionMatches(true, i, b, i, 2)) {
                differing++;
            }
        }
        return differing == 1;
    }
}
