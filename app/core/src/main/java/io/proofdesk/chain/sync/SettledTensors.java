package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.TensorSpec;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a record settled, decoded by exactly the code that fills the store ({@link TensorDecoder}, {@link InferenceCalls}
 * and the generated wrappers' log decoders), for checking a copy of a record's tensors against their source (an
 * offline bundle's tensor files): a blob's {@code model_inputs} and {@code output}, and an on-chain record's calldata
 * and {@code InferenceResult} log. {@code declared} types play the part of the model signature the sync decodes with.
 */
public final class SettledTensors {

    /** What one on-chain record states: the call's model id and mode, and the tensors the sync would store. */
    public record OnChain(String modelId, BigInteger mode, List<Tensor> inputs, List<Tensor> outputs) {
        public OnChain {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    private final TensorDecoder decoder = new TensorDecoder();
    private final InferenceCalls calls = new InferenceCalls();

    /** A blob's {@code model_inputs} (a JSON string) decoded to the declared element types. */
    public List<Tensor> blobInputs(String modelInputs, List<TensorSpec> declared) throws RecordProblem {
        return decoder.blobInputs(modelInputs, declared);
    }

    /** A blob's {@code output} array as the sync stores it: numbers as float64, strings as strings. */
    public List<Tensor> blobOutputs(JsonNode output) throws RecordProblem {
        return decoder.blobOutputs(output);
    }

    /**
     * The record whose {@code InferenceResult} log has index {@code logIndex} in a receipt's {@code logs}: its input
     * from the transaction's calldata (the k-th record of the call for the k-th result log of that contract in the
     * transaction, as the sync pairs them), its output from the log, each with the sync's decoding.
     *
     * @param to the transaction's recipient, which must be the contract that emitted the log
     */
    public OnChain onChain(String calldata, String to, List<LogFacts> logs, long logIndex,
                           List<TensorSpec> declaredInputs, List<TensorSpec> declaredOutputs) throws RecordProblem {
        LogFacts log = logs.stream().filter(l -> l.logIndex() == logIndex).findFirst()
                .orElseThrow(() -> new RecordProblem("the receipt has no log with index " + logIndex));
        Optional<String> topic = topic0(log);
        if (topic.isEmpty()) {
            throw new RecordProblem("log " + logIndex + " is not an InferenceResult event");
        }
        if (to == null || !to.equalsIgnoreCase(log.address())) {
            throw new RecordProblem("the transaction calls " + to + ", not the contract " + log.address()
                    + " that emitted the result, so its input is not in the calldata");
        }
        long k = logs.stream().filter(l -> l.logIndex() < logIndex && l.address().equalsIgnoreCase(log.address())
                && topic0(l).isPresent()).count();
        List<InferenceCalls.CallRecord> records = calls.decode(calldata);
        if (k >= records.size()) {
            throw new RecordProblem("the transaction's calldata has " + records.size() + " records but this is result "
                    + (k + 1));
        }
        InferenceCalls.CallRecord call = records.get((int) k);
        ChainModelData output = output(log, topic.get());
        List<Tensor> in = decoder.inputs(ChainTensor.toFixedPoint(call.input().numbers()), call.input().strings(),
                declaredInputs);
        List<Tensor> out = decoder.claimedOutputs(ChainTensor.toFixedPoint(output.numbers()), output.strings(),
                declaredOutputs);
        return new OnChain(call.modelId(), call.mode(), in, out);
    }

    private static Optional<String> topic0(LogFacts l) {
        if (l.topics().isEmpty()) {
            return Optional.empty();
        }
        String t = l.topics().getFirst().toLowerCase(Locale.ROOT);
        return InferenceResultLogs.isKnown(t) ? Optional.of(t) : Optional.empty();
    }

    private static ChainModelData output(LogFacts facts, String topic) throws RecordProblem {
        Log l = new Log();
        l.setAddress(facts.address());
        l.setTopics(facts.topics());
        l.setData(facts.data());
        try {
            return InferenceResultLogs.layout(topic).decoder().apply(l);
        } catch (RuntimeException e) {
            throw new RecordProblem("log " + facts.logIndex() + " cannot be decoded as InferenceResult", e);
        }
    }
}
