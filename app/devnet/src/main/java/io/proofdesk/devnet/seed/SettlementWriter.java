package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.OutputTensorJson;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Puts produced records on chain the way the network does — individual settlements (many per transaction),
 * Merkle batch settlements with their tree dump on the blob store, and inference-contract records — and returns
 * each record's id, read back from the receipt's logs. The settlement-step faults (blob not matching the settled
 * hashes, leaf left out of the tree) are committed here.
 */
final class SettlementWriter {

    /** Individual settlements per transaction: ~19k gas each, well under the 16M per-transaction cap. */
    static final int INDIVIDUAL_PER_TX = 400;
    static final int BATCH_SIZE = 64;
    /** Inference-contract records per transaction, at most (~42k gas each for small tensors). */
    static final int ONCHAIN_PER_TX = 100;
    /**
     * Calldata budget of one inference-contract transaction: every fixed-point number costs 64 bytes of calldata
     * (~1,000 gas), so an image model's 784 inputs make one record weigh 50 KB; a transaction stays under ~256 KB.
     */
    static final int ONCHAIN_CALLDATA_BUDGET = 256 * 1024;

    private static final String INDIVIDUAL_TOPIC = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    private static final String BATCH_TOPIC = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);
    private static final String RESULT_TOPIC = EventEncoder.encode(IInference.INFERENCERESULT_EVENT);

    private final DevnetContracts contracts;
    private final BlobStoreService blobs;
    private final String payer;
    private final ObjectMapper json = new ObjectMapper();
    private final FixedPointCodec codec = new FixedPointCodec();

    SettlementWriter(DevnetContracts contracts, BlobStoreService blobs, String payer) {
        this.contracts = contracts;
        this.blobs = blobs;
        this.payer = payer;
    }

    /** Settles one transaction's worth of individual records; returns their ids in order. */
    List<RecordId> settleIndividually(List<ProducedRecord> records) throws Exception {
        List<InferenceSettlementRelay.Settlement> settlements = new ArrayList<>(records.size());
        for (ProducedRecord r : records) {
            SettledBlobJson blob = blob(r);
            byte[] content = json.writeValueAsBytes(r.plan().fault() == Fault.BLOB_MISMATCH ? tampered(blob) : blob);
            String blobId = blobs.put(content);
            settlements.add(new InferenceSettlementRelay.Settlement(hex(r.response().teeId()),
                    hex(r.response().teeRequestHash()), hex(r.response().teeOutputHash()),
                    BigInteger.valueOf(r.response().teeTimestamp()), payer, blobId.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(r.response().teeSignature())));
        }
        TransactionReceipt receipt = contracts.settlementRelay().settleIndividualMany(settlements).send();
        return ids(receipt, contracts.settlementRelay().getContractAddress(), INDIVIDUAL_TOPIC, records.size());
    }

    /**
     * Settles one Merkle batch: the tree holds every record's leaf except MERKLE_MISSING ones, while the blob's
     * {@code records} list names them all. Returns the ids in list order ({@code #i} = position in {@code records}).
     */
    List<RecordId> settleBatch(List<ProducedRecord> records) throws Exception {
        List<TeeSettlementLeaf> leaves = new ArrayList<>();
        ArrayNode published = json.createArrayNode();
        for (ProducedRecord r : records) {
            SettledBlobJson blob = blob(r);
            published.add(json.valueToTree(r.plan().fault() == Fault.BLOB_MISMATCH ? tampered(blob) : blob));
            if (r.plan().fault() != Fault.MERKLE_MISSING) {
                leaves.add(new TeeSettlementLeaf(hex(r.response().teeId()), hex(r.response().teeRequestHash()),
                        hex(r.response().teeOutputHash()), Base64.getDecoder().decode(r.response().teeSignature()),
                        BigInteger.valueOf(r.response().teeTimestamp())));
            }
        }
        if (leaves.isEmpty()) {
            throw new IllegalStateException("a batch needs at least one leaf in its tree");
        }
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves);
        ObjectNode dump = (ObjectNode) json.readTree(tree.dump());
        dump.set("records", published);
        String blobId = blobs.put(json.writeValueAsBytes(dump));
        TransactionReceipt receipt = contracts.settlementRelay()
                .batchSettle(tree.root(), BigInteger.valueOf(leaves.size()), blobId.getBytes(StandardCharsets.UTF_8)).send();
        RecordId batch = ids(receipt, contracts.settlementRelay().getContractAddress(), BATCH_TOPIC, 1).getFirst();
        List<RecordId> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(RecordId.leaf(batch.txHash(), batch.logIndex(), i));
        }
        return out;
    }

    /** Records VANILLA/ZKML results on the inference contract, many per transaction; ids in order. */
    List<RecordId> recordOnChain(List<ProducedRecord> records) throws Exception {
        List<Inference.InferenceRecord> batch = new ArrayList<>(records.size());
        for (ProducedRecord r : records) {
            ModelInputsJson inputsJson = json.readValue(r.request().modelInputs(), ModelInputsJson.class);
            List<Inference.MultiDimensionalNumberTensor> in = new ArrayList<>();
            for (NumberTensorJson n : inputsJson.numbers()) {
                in.add(tensor(ModelInputsCodec.fromJson(n)));
            }
            List<Inference.MultiDimensionalNumberTensor> out = new ArrayList<>();
            for (OutputTensorJson o : r.response().output()) {
                out.add(tensor(outputFixedPoint(o)));
            }
            batch.add(new Inference.InferenceRecord(r.modelCid(), BigInteger.valueOf(r.plan().mode().code()),
                    new Inference.ModelInput(in, List.of()), new Inference.ModelOutput(out, List.of(), false)));
        }
        TransactionReceipt receipt = contracts.inference().runManyWithResults(batch).send();
        return ids(receipt, contracts.inference().getContractAddress(), RESULT_TOPIC, records.size());
    }

    /** How many of the pending records (from the front) fit one inference-contract transaction; at least one. */
    static int onChainChunk(List<ProducedRecord> pending) {
        long bytes = 0;
        int n = 0;
        for (ProducedRecord r : pending) {
            long weight = 512 + 64L * (r.request().modelInputs().length() / 20 + r.response().output().stream()
                    .mapToLong(o -> o.result().size()).sum());
            if (n > 0 && (bytes + weight > ONCHAIN_CALLDATA_BUDGET || n == ONCHAIN_PER_TX)) {
                break;
            }
            bytes += weight;
            n++;
        }
        return n;
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

    private SettledBlobJson blob(ProducedRecord r) {
        JsonNode input = json.valueToTree(r.request());
        JsonNode output = json.valueToTree(r.response().output());
        return new SettledBlobJson(input, output, r.response().teeSignature(), r.response().teeId(),
                r.response().teeTimestamp(), payer, r.response().teeRequestHash(), r.response().teeOutputHash());
    }

    /** The blob-mismatch fault: the published output is not the one whose hash was settled. */
    private SettledBlobJson tampered(SettledBlobJson blob) {
        ArrayNode output = (ArrayNode) blob.output().deepCopy();
        ArrayNode result = (ArrayNode) output.get(0).get("result");
        result.set(0, DoubleNode.valueOf(result.get(0).asDouble() + 0.125));
        return new SettledBlobJson(blob.input(), output, blob.teeSignature(), blob.teeId(), blob.timestamp(),
                blob.ethAddress(), blob.inputHash(), blob.outputHash());
    }

    private static List<RecordId> ids(TransactionReceipt receipt, String address, String topic, int expected) throws IOException {
        if (!receipt.isStatusOK()) {
            throw new IOException("settlement transaction " + receipt.getTransactionHash() + " reverted");
        }
        List<RecordId> out = new ArrayList<>(expected);
        for (Log log : receipt.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(address) && !log.getTopics().isEmpty()
                    && log.getTopics().getFirst().equals(topic)) {
                out.add(RecordId.of(log.getTransactionHash().toLowerCase(Locale.ROOT), log.getLogIndex().longValueExact()));
            }
        }
        if (out.size() != expected) {
            throw new IOException("transaction " + receipt.getTransactionHash() + " emitted " + out.size()
                    + " records, expected " + expected);
        }
        return out;
    }

    private static byte[] hex(String h) {
        return Numeric.hexStringToByteArray(h);
    }
}
