package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInferencePrecompile;
import io.proofdesk.reexec.FixedPointNumber;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The inference precompile's ModelInferenceEvent (OpenGradient's 0x...00F4): the inference id, the whole request
 * (mode, model CID, input) and the response, decoded through the generated wrapper. The response is empty when the
 * node ran the model asynchronously; its result is then the node API's ({@link PrecompileRecordBuilder}).
 */
public final class PrecompileLogs {

    static final String MODEL_INFERENCE = EventEncoder.encode(IInferencePrecompile.MODELINFERENCEEVENT_EVENT);

    /** One decoded event; {@code response} empty when the result was not written to the chain. */
    record Event(String inferenceId, BigInteger mode, String modelCid, ChainModelData input, ChainModelData response) {
        boolean responseOnChain() {
            return !response.numbers().isEmpty() || !response.strings().isEmpty();
        }
    }

    private PrecompileLogs() {
    }

    public static boolean isModelInference(String topic0) {
        return MODEL_INFERENCE.equalsIgnoreCase(topic0);
    }

    /**
     * How a ModelInferenceEvent log (topics and data as the receipt states them) disagrees with the mode and model of
     * the record stored from it; empty when they agree.
     */
    public static List<String> requestMismatches(List<String> topics, String data, int storedMode, String storedModel) {
        Log l = new Log();
        l.setTopics(topics);
        l.setData(data);
        IInferencePrecompile.ModelInferenceEventEventResponse e =
                IInferencePrecompile.getModelInferenceEventEventFromLog(l);
        List<String> problems = new ArrayList<>();
        if (e.request.mode.intValue() != storedMode || e.request.mode.bitLength() > 8) {
            problems.add("inference mode on chain " + e.request.mode + ", stored " + storedMode);
        }
        String model = e.request.modelCID.isBlank() ? ChunkReader.UNKNOWN_MODEL : e.request.modelCID;
        if (!model.equals(storedModel)) {
            problems.add("model on chain " + model + ", stored " + storedModel);
        }
        return problems;
    }

    /** Decodes through the wrapper; a log it cannot decode fails as {@link RpcAnswerMalformedException}. */
    static Event decode(String endpoint, Log l) {
        IInferencePrecompile.ModelInferenceEventEventResponse e = ChunkReader.decodeLog(endpoint, l,
                "ModelInferenceEvent", () -> IInferencePrecompile.getModelInferenceEventEventFromLog(l));
        return new Event(e.inferenceID, e.request.mode, e.request.modelCID,
                new ChainModelData(numbers(e.request.input.numbers), strings(e.request.input.strings)),
                new ChainModelData(numbers(e.response.numbers), outputStrings(e.response)));
    }

    private static List<ChainTensor> numbers(List<IInferencePrecompile.NumberTensor> ts) {
        return ts.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(), t.shape)).toList();
    }

    private static List<NamedStrings> strings(List<IInferencePrecompile.StringTensor> ts) {
        return ts.stream().map(t -> new NamedStrings(t.name, t.values, null)).toList();
    }

    private static List<NamedStrings> outputStrings(IInferencePrecompile.ModelOutput out) {
        List<NamedStrings> s = new ArrayList<>(strings(out.strings));
        for (IInferencePrecompile.JsonScalar j : out.jsons) {
            s.add(NamedStrings.json(j.name, j.value));
        }
        return s;
    }
}
