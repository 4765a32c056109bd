package io.proofdesk.devnet.liar;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Changes the first output number of an InferenceResult log (both ModelOutput layouts) by 2^32 units of its last
 * decimal: decoded and re-encoded by web3j through the contract wrappers, so one data byte differs and the log still
 * decodes, as another output. Any other log data gets its last byte changed instead.
 */
final class OutputValueFlip {

    /** The bit of the int128 value that changes: one byte of the word, well inside its range. */
    private static final int BIT = 32;
    private static final String RESULT = EventEncoder.encode(IInference.INFERENCERESULT_EVENT);
    private static final String RESULT_JSONS = EventEncoder.encode(IInferenceJsons.INFERENCERESULT_EVENT);

    private OutputValueFlip() {
    }

    static String flip(String topic0, String data) {
        String changed = null;
        try {
            String t = topic0.toLowerCase(Locale.ROOT);
            changed = t.equals(RESULT) ? flipOriginal(data) : t.equals(RESULT_JSONS) ? flipJsons(data) : null;
        } catch (RuntimeException undecodable) {
            // not the shape of the demo contracts' logs: fall back to the last byte
        }
        return changed != null && ModeFlip.oneByteApart(data, changed) ? changed : RpcJson.flipBit(data, -1);
    }

    private static String flipOriginal(String data) {
        IInference.ModelOutput out = (IInference.ModelOutput) FunctionReturnDecoder.decode(data,
                Utils.convert(List.of(new TypeReference<IInference.ModelOutput>() {}))).getFirst();
        if (out.numbers.isEmpty() || out.numbers.getFirst().values.isEmpty()) {
            return null;
        }
        IInference.MultiDimensionalNumberTensor t = out.numbers.getFirst();
        List<IInference.Number> values = new ArrayList<>(t.values);
        IInference.Number n = values.getFirst();
        values.set(0, new IInference.Number(n.value.flipBit(BIT), n.decimals));
        List<IInference.MultiDimensionalNumberTensor> numbers = new ArrayList<>(out.numbers);
        numbers.set(0, new IInference.MultiDimensionalNumberTensor(t.name, values, t.shape));
        return "0x" + FunctionEncoder.encodeConstructor(List.of(
                new IInference.ModelOutput(numbers, out.strings, out.is_simulation_result)));
    }

    private static String flipJsons(String data) {
        IInferenceJsons.ModelOutput out = (IInferenceJsons.ModelOutput) FunctionReturnDecoder.decode(data,
                Utils.convert(List.of(new TypeReference<IInferenceJsons.ModelOutput>() {}))).getFirst();
        if (out.numbers.isEmpty() || out.numbers.getFirst().values.isEmpty()) {
            return null;
        }
        IInferenceJsons.MultiDimensionalNumberTensor t = out.numbers.getFirst();
        List<IInferenceJsons.Number> values = new ArrayList<>(t.values);
        IInferenceJsons.Number n = values.getFirst();
        values.set(0, new IInferenceJsons.Number(n.value.flipBit(BIT), n.decimals));
        List<IInferenceJsons.MultiDimensionalNumberTensor> numbers = new ArrayList<>(out.numbers);
        numbers.set(0, new IInferenceJsons.MultiDimensionalNumberTensor(t.name, values, t.shape));
        return "0x" + FunctionEncoder.encodeConstructor(List.of(
                new IInferenceJsons.ModelOutput(numbers, out.strings, out.jsons, out.is_simulation_result)));
    }
}
