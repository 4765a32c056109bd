package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.OutputTensorJson;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a node's answer into what its settlement transaction needs: the blob (written to the blob store for
 * individual settlements), the Merkle leaf, or the inference-contract record built from the request's inputs as
 * sent (no re-parsing). Thread-safe: the producing threads call it in parallel. The blob-mismatch fault is
 * committed here.
 */
final class SettlementPreparer {

    private final BlobStoreService blobs;
    private final String payer;
    private final ObjectMapper json = new ObjectMapper();
    private final FixedPointCodec codec = new FixedPointCodec();

    SettlementPreparer(BlobStoreService blobs, String payer) {
        this.blobs = blobs;
        this.payer = payer;
    }

    PreparedSettlement prepare(PlannedRecord plan, String modelCid, InferRequestJson request, ModelInputsJson inputs,
                               InferResponseJson response) throws IOException {
        return switch (plan.settlement()) {
            case INDIVIDUAL -> individual(plan, request, response);
            case BATCH -> batchEntry(plan, request, response);
            case ONCHAIN -> onChain(plan, modelCid, request, inputs, response);
        };
    }

    private PreparedSettlement individual(PlannedRecord plan, InferRequestJson request, InferResponseJson response)
            throws IOException {
        SettledBlobJson blob = blob(request, response);
        String blobId = blobs.put(json.writeValueAsBytes(plan.fault() == Fault.BLOB_MISMATCH ? tampered(blob) : blob));
        return new PreparedSettlement.Individual(new InferenceSettlementRelay.Settlement(hex(response.teeId()),
                hex(response.teeRequestHash()), hex(response.teeOutputHash()), BigInteger.valueOf(response.teeTimestamp()),
                payer, blobId.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(response.teeSignature())));
    }

    private PreparedSettlement batchEntry(PlannedRecord plan, InferRequestJson request, InferResponseJson response) {
        SettledBlobJson blob = blob(request, response);
        JsonNode published = json.valueToTree(plan.fault() == Fault.BLOB_MISMATCH ? tampered(blob) : blob);
        TeeSettlementLeaf leaf = plan.fault() == Fault.MERKLE_MISSING ? null
                : new TeeSettlementLeaf(hex(response.teeId()), hex(response.teeRequestHash()),
                        hex(response.teeOutputHash()), Base64.getDecoder().decode(response.teeSignature()),
                        BigInteger.valueOf(response.teeTimestamp()));
        return new PreparedSettlement.BatchEntry(published, leaf);
    }

    private PreparedSettlement onChain(PlannedRecord plan, String modelCid, InferRequestJson request,
                                       ModelInputsJson inputs, InferResponseJson response) {
        List<Inference.MultiDimensionalNumberTensor> in = new ArrayList<>();
        for (NumberTensorJson n : inputs.numbers()) {
            in.add(tensor(ModelInputsCodec.fromJson(n)));
        }
        List<Inference.MultiDimensionalNumberTensor> out = new ArrayList<>();
        for (OutputTensorJson o : response.output()) {
            out.add(tensor(outputFixedPoint(o)));
        }
        Inference.InferenceRecord record = new Inference.InferenceRecord(modelCid, BigInteger.valueOf(plan.mode().code()),
                new Inference.ModelInput(in, List.of()), new Inference.ModelOutput(out, List.of(), false));
        // every fixed-point number costs 64 bytes of calldata; the inputs are estimated from their JSON length
        long weight = 512 + 64L * (request.modelInputs().length() / 20
                + response.output().stream().mapToLong(o -> o.result().size()).sum());
        return new PreparedSettlement.OnChain(record, weight);
    }

    private FixedPointTensor outputFixedPoint(OutputTensorJson o) {
        double[] values = new double[o.result().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = o.result().get(i).asDouble();
        }
        long[] shape = o.shape().stream().mapToLong(Long::longValue).toArray();
        return codec.encode(Tensor.ofDoubles(o.name(), shape, values));
    }

    private static Inference.MultiDimensionalNumberTensor tensor(FixedPointTensor fp) {
        List<Inference.Number> values = new ArrayList<>(fp.values().size());
        for (FixedPointNumber n : fp.values()) {
            values.add(new Inference.Number(n.value(), n.decimals()));
        }
        List<BigInteger> shape = new ArrayList<>();
        for (long d : fp.shape()) {
            shape.add(BigInteger.valueOf(d));
        }
        return new Inference.MultiDimensionalNumberTensor(fp.name(), values, shape);
    }

    private SettledBlobJson blob(InferRequestJson request, InferResponseJson response) {
        JsonNode input = json.valueToTree(request);
        JsonNode output = json.valueToTree(response.output());
        return new SettledBlobJson(input, output, response.teeSignature(), response.teeId(),
                response.teeTimestamp(), payer, response.teeRequestHash(), response.teeOutputHash());
    }

    /** The blob-mismatch fault: the published output is not the one whose hash was settled. */
    private static SettledBlobJson tampered(SettledBlobJson blob) {
        ArrayNode output = (ArrayNode) blob.output().deepCopy();
        ArrayNode result = (ArrayNode) output.get(0).get("result");
        result.set(0, DoubleNode.valueOf(result.get(0).asDouble() + 0.125));
        return new SettledBlobJson(blob.input(), output, blob.teeSignature(), blob.teeId(), blob.timestamp(),
                blob.ethAddress(), blob.inputHash(), blob.outputHash());
    }

    private static byte[] hex(String h) {
        return Numeric.hexStringToByteArray(h);
    }
}
