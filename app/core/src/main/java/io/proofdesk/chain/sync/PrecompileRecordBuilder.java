package io.proofdesk.chain.sync;

import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.NodeApiClient;
import io.proofdesk.node.http.NotServedException;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.NodeInferenceResult;
import io.proofdesk.reexec.FixedPointNumber;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.proofdesk.chain.sync.ChunkReader.UNKNOWN_MODEL;

/**
 * Builds the record of one ModelInferenceEvent of the inference precompile: model, mode and input from the event's
 * request; the output from the event's response when the chain has it, else from the node API by the event's
 * inference id (as OpenGradient's SDK fetches it). A node API answer is the node's word: such a record's evidence says
 * the output came from the node API, not the chain. A result the node API does not give leaves the record without
 * outputs and with the reason as its note (verification then finds nothing to compare: UNVERIFIED); it is never
 * dropped.
 */
final class PrecompileRecordBuilder {

    private final ModelCatalog catalog;
    private final NodeApiClient nodeApi;
    private final TensorDecoder tensors = new TensorDecoder();

    /** {@code nodeApi} null: the network names no node API, so asynchronous results are not fetched (and say so). */
    PrecompileRecordBuilder(ModelCatalog catalog, NodeApiClient nodeApi) {
        this.catalog = catalog;
        this.nodeApi = nodeApi;
    }

    BuiltRecord build(String endpoint, Log l, Map<Long, BlockRef> headers) {
        PrecompileLogs.Event e = PrecompileLogs.decode(endpoint, l);
        RecordId id = RecordId.of(l.getTransactionHash().toLowerCase(Locale.ROOT), l.getLogIndex().longValueExact());
        long block = l.getBlockNumber().longValueExact();
        List<String> problems = new ArrayList<>();
        InferenceMode mode = InferenceMode.VANILLA;
        if (e.mode().signum() >= 0 && e.mode().compareTo(BigInteger.TWO) <= 0) {
            mode = InferenceMode.fromCode(e.mode().intValue());
        } else {
            problems.add("unknown inference mode " + e.mode() + " (stored as VANILLA)");
        }
        String model = e.modelCid().isBlank() ? UNKNOWN_MODEL : e.modelCid();
        ModelCatalog.Entry entry = catalog.resolve(model);
        List<Tensor> in = List.of();
        if (entry.hasSignature()) {
            try {
                in = tensors.inputs(ChainTensor.toFixedPoint(e.input().numbers()), e.input().strings(),
                        entry.inputs());
            } catch (RecordProblem p) {
                problems.add(p.getMessage());
            }
        } else {
            problems.add(entry.problem() + "; inputs not decoded");
        }
        ChainModelData output = e.response();
        String source = null;
        if (!e.responseOnChain()) {
            output = fromNodeApi(e, mode, problems);
            source = output == null ? null : nodeApi.resultUrl(e.inferenceId()).toString();
        }
        List<Tensor> out = List.of();
        if (output != null) {
            try {
                out = tensors.claimedOutputs(ChainTensor.toFixedPoint(output.numbers()), output.strings(),
                        entry.hasSignature() ? entry.outputs() : null);
            } catch (RecordProblem p) {
                problems.add(p.getMessage());
            }
        }
        Inference record = new Inference(id, mode, model, entry.version(), null, null, SettlementKind.ONCHAIN, block,
                headers.get(block).timestamp(), null, null, null, null, null, null, List.of(), in, out, null);
        if (source != null) {
            record = record.withEvidence(fromNodeApi(Evidence.trustedSingleEndpoint(), source));
        }
        return new BuiltRecord(record, problems, source);
    }

    /**
     * The evidence of a record whose output is the node API's: one source's word, not proved, however firmly the event
     * itself is established (its evidence is kept in the detail), and saying that the output is not on chain.
     */
    static Evidence fromNodeApi(Evidence chain, String url) {
        String output = "; output: the node API's answer (" + url + "), not on chain";
        if (output.length() > Evidence.MAX_DETAIL / 2) {
            output = "; output: the node API's answer, not on chain";
        }
        String event = "event: " + chain.detail();
        if (event.length() + output.length() > Evidence.MAX_DETAIL) {
            event = event.substring(0, Evidence.MAX_DETAIL - output.length() - 3) + "...";
        }
        return new Evidence(EvidenceLevel.TRUSTED, event + output);
    }

    /**
     * The records of a chunk with a note on each InferenceResult record whose output is empty because the model ran
     * through the precompile: the Inference contract's own log of an asynchronous run states no output, the
     * precompile's record of the same transaction holds it. Both stay records; the note links them.
     */
    static List<BuiltRecord> noteAsyncResults(List<BuiltRecord> records, List<Log> precompileLogs) {
        if (precompileLogs.isEmpty()) {
            return records;
        }
        Map<String, List<String>> byTx = new LinkedHashMap<>();
        Set<String> precompileIds = new HashSet<>();
        for (Log l : precompileLogs) {
            RecordId id = RecordId.of(l.getTransactionHash().toLowerCase(Locale.ROOT), l.getLogIndex().longValueExact());
            precompileIds.add(id.toString());
            byTx.computeIfAbsent(id.txHash(), t -> new ArrayList<>()).add(id.toString());
        }
        List<BuiltRecord> out = new ArrayList<>(records.size());
        for (BuiltRecord b : records) {
            Inference i = b.inference();
            List<String> linked = byTx.get(i.id().txHash());
            if (linked == null || precompileIds.contains(i.id().toString()) || !i.outputs().isEmpty()
                    || i.settlement() != SettlementKind.ONCHAIN) {
                out.add(b);
                continue;
            }
            List<String> problems = new ArrayList<>(b.problems());
            problems.add("output empty on chain: the model ran through the inference precompile, whose record "
                    + String.join(", ", linked) + " holds the result");
            out.add(new BuiltRecord(i, problems, b.nodeApiOutput()));
        }
        return out;
    }

    /** The node API's output, or null with the reason added to {@code problems}. */
    private ChainModelData fromNodeApi(PrecompileLogs.Event e, InferenceMode mode, List<String> problems) {
        String prefix = "output not on chain (run asynchronously, inference id " + e.inferenceId() + ")";
        if (nodeApi == null) {
            problems.add(prefix + " and no node API is configured (profile key nodeApi); output not fetched");
            return null;
        }
        String url = nodeApi.resultUrl(e.inferenceId()).toString();
        NodeInferenceResult r;
        try {
            r = nodeApi.result(e.inferenceId());
        } catch (NotServedException ex) {
            problems.add(prefix + " and the node API does not serve it: " + ex.getMessage());
            return null;
        } catch (IOException | RuntimeException ex) {
            problems.add(prefix + " and the node API did not give it: " + ChunkReader.shortMessage(ex));
            return null;
        }
        if (r.pending()) {
            problems.add(prefix + " and the node API " + url + " has no result for it yet (inference_results empty)");
            return null;
        }
        InferenceMode kindMode = switch (r.kind()) {
            case VANILLA -> InferenceMode.VANILLA;
            case TEE -> InferenceMode.TEE;
            case ZKML -> InferenceMode.ZKML;
            case PENDING -> throw new IllegalStateException("pending handled above");
        };
        if (kindMode != mode) {
            problems.add(prefix + " and the node API " + url + " answered a " + r.kind().wireName() + " for a "
                    + mode + " request; output not taken");
            return null;
        }
        List<ChainTensor> numbers = new ArrayList<>();
        try {
            r.numbers().forEach(t -> numbers.add(new ChainTensor(t.name(), t.values().stream().map(
                    PrecompileRecordBuilder::number).toList(), t.shape() == null
                    ? List.of(BigInteger.valueOf(t.values().size()))
                    : t.shape().stream().map(BigInteger::valueOf).toList())));
        } catch (IllegalArgumentException ex) {
            problems.add(prefix + " and the node API " + url + " answered numbers that are no int128 fixed point ("
                    + ex.getMessage() + "); output not taken");
            return null;
        }
        List<NamedStrings> strings = new ArrayList<>();
        for (var s : r.strings()) {
            strings.add(new NamedStrings(s.name(), s.values(), s.shape() == null ? null
                    : s.shape().stream().mapToLong(Long::longValue).toArray()));
        }
        r.jsons().forEach(j -> strings.add(NamedStrings.json(j.name(), j.value())));
        return new ChainModelData(numbers, strings);
    }

    private static FixedPointNumber number(FixedPointValue v) {
        return new FixedPointNumber(v.value(), v.decimals());
    }
}
