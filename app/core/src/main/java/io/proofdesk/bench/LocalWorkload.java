package io.proofdesk.bench;

import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.cid.Cid;
import io.proofdesk.node.http.NotServedException;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.verify.ChainReader;
import io.proofdesk.verify.ModelSource;
import io.proofdesk.verify.checks.SettlementEvents;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated local workload: VANILLA records of one model with stored inputs and the outputs ONNX Runtime gives
 * for them, the chain facts those records point at, and the model file by CID — everything a verification run
 * reads, held in this process so a benchmark measures the verifier rather than the network.
 */
public final class LocalWorkload implements ChainReader, ModelSource {

    private final byte[] model;
    private final String cid;
    private final List<Inference> records = new ArrayList<>();
    private final Map<String, ReceiptFacts> receipts = new HashMap<>();

    public LocalWorkload(byte[] model, List<Map<String, Tensor>> inputs, ReexecEngine engine) {
        this.model = model.clone();
        this.cid = Cid.v0(model).toString();
        long block = 1;
        for (Map<String, Tensor> in : inputs) {
            List<Tensor> out = engine.run(model, in);
            String tx = Numeric.toHexString(Hash.sha3(("bench-tx-" + block).getBytes(StandardCharsets.UTF_8)));
            String blockHash = hashOfBlock(block);
            receipts.put(tx, new ReceiptFacts(tx, block, blockHash, true,
                    List.of(new LogFacts(0, "0x0000000000000000000000000000000000000001",
                            List.of(SettlementEvents.INFERENCE_RESULT_TOPIC), "0x"))));
            records.add(new Inference(RecordId.of(tx, 0), InferenceMode.VANILLA, cid, null, null, null,
                    SettlementKind.ONCHAIN, block, Instant.ofEpochSecond(1_764_000_000L + block), null, null, null, null,
                    null, null, List.of(), new ArrayList<>(in.values()), out, null));
            block++;
        }
    }

    private static String hashOfBlock(long block) {
        return Numeric.toHexString(Hash.sha3(("bench-block-" + block).getBytes(StandardCharsets.UTF_8)));
    }

    public List<Inference> records() {
        return List.copyOf(records);
    }

    public String cid() {
        return cid;
    }

    /** The registry rows of the workload's model, as a sync would have stored them. */
    public void register(io.proofdesk.store.Transaction tx) {
        tx.models().upsert(new io.proofdesk.domain.Model("bench-model", null, null, null, 1L));
        tx.modelVersions().upsert(new io.proofdesk.domain.ModelVersion("bench-model", "1.00", cid, null, 1L, null));
        tx.modelFiles().upsert(new io.proofdesk.domain.ModelFile("bench-model", "1.00", "model.onnx", cid,
                io.proofdesk.node.cid.Sha256.hex(model), model.length, null, null, 1L));
    }

    @Override
    public Optional<ReceiptFacts> receipt(String txHash) {
        return Optional.ofNullable(receipts.get(txHash));
    }

    @Override
    public Optional<String> blockHash(long number) {
        return number >= 1 && number <= records.size() ? Optional.of(hashOfBlock(number)) : Optional.empty();
    }

    @Override
    public byte[] model(String requested) throws NotServedException {
        if (!requested.equals(cid)) {
            throw new NotServedException("local:" + requested);
        }
        return model.clone();
    }
}
