package io.proofdesk.chain.sync;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.domain.DType;
import io.proofdesk.reexec.Dim;
import io.proofdesk.reexec.TensorSpec;
import org.web3j.protocol.core.methods.response.Log;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What the sync decodes from the chain, as {@link ChunkReader} does it: the data of an InferenceResult log (both
 * ModelOutput layouts) or of a settlement event through the generated wrappers, and a transaction's calldata through
 * {@link InferenceCalls}; then the tensors through {@link TensorDecoder}. The first byte picks which, the rest is the
 * ABI data. A log the wrappers cannot decode is an {@link RpcAnswerMalformedException} (the sync stops, naming the
 * endpoint); anything after that, and a call that cannot be decoded, may only be a {@link RecordProblem}.
 */
class ChainLogFuzzTest {

    private static final String RPC = "http://rpc.fuzz.invalid/";
    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String TEE_ID = "0x" + "11".repeat(32);
    private static final String ADDRESS_TOPIC = "0x" + "00".repeat(12) + "70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final List<TensorSpec> INPUTS = List.of(
            new TensorSpec("input", DType.FLOAT, List.of(new Dim.Fixed(1), new Dim.Fixed(3))),
            new TensorSpec("ids", DType.INT64, null), new TensorSpec("flags", DType.BOOL, null),
            new TensorSpec("half", DType.FLOAT16, null), new TensorSpec("wide", DType.DOUBLE, null),
            new TensorSpec("small", DType.UINT8, null));
    private static final List<TensorSpec> OUTPUTS = List.of(
            new TensorSpec("probabilities", DType.FLOAT, null), new TensorSpec("label", DType.INT64, null));

    private static final TensorDecoder TENSORS = new TensorDecoder();
    private static final InferenceCalls CALLS = new InferenceCalls();

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String hex = "0x" + HexFormat.of().formatHex(input, 1, input.length);
        try {
            switch ((input[0] & 0xff) % 5) {
                case 0 -> {
                    Log l = log(hex, InferenceResultLogs.INT256_SHAPE);
                    output(ChunkReader.decodeLog(RPC, l, "InferenceResult",
                            () -> InferenceResultLogs.layout(InferenceResultLogs.INT256_SHAPE).decoder().apply(l)));
                }
                case 1 -> {
                    // every other InferenceResult generation, picked by the next byte
                    List<String> topics = InferenceResultLogs.topics();
                    String topic0 = topics.get((input.length > 1 ? input[1] & 0xff : 0) % topics.size());
                    Log l = log(hex, topic0);
                    output(ChunkReader.decodeLog(RPC, l, "InferenceResult",
                            () -> InferenceResultLogs.layout(topic0).decoder().apply(l)));
                }
                case 2 -> {
                    Log l = log(hex, ChunkReader.INDIVIDUAL, TEE_ID, ADDRESS_TOPIC);
                    var e = ChunkReader.decodeLog(RPC, l, "IndividualSettlement",
                            () -> IInferenceSettlementRelay.getIndividualSettlementEventFromLog(l));
                    ChunkReader.blobId(e.walrusBlobId);
                    ChunkReader.hex(e.signature);
                }
                case 3 -> {
                    Log l = log(hex, ChunkReader.BATCH, TEE_ID);
                    ChunkReader.blobId(ChunkReader.decodeLog(RPC, l, "BatchSettlement",
                            () -> IInferenceSettlementRelay.getBatchSettlementEventFromLog(l)).walrusBlobId);
                }
                default -> {
                    for (InferenceCalls.CallRecord r : CALLS.decode(hex)) {
                        TENSORS.inputs(ChainTensor.toFixedPoint(r.input().numbers()), r.input().strings(), INPUTS);
                    }
                }
            }
        } catch (RpcAnswerMalformedException | RecordProblem expected) {
            // a malformed log (the sync stops, naming the endpoint) or a record stored with a note
        }
    }

    private void output(ChainModelData data) throws RecordProblem {
        TENSORS.claimedOutputs(ChainTensor.toFixedPoint(data.numbers()), data.strings(), OUTPUTS);
        TENSORS.inputs(ChainTensor.toFixedPoint(data.numbers()), data.strings(), INPUTS);
    }

    private static Log log(String data, String... topics) {
        Log l = new Log();
        l.setBlockNumber("0x7");
        l.setLogIndex("0x0");
        l.setAddress(CONTRACT);
        l.setData(data);
        l.setTopics(Arrays.asList(topics));
        return l;
    }
}
