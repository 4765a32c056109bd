package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.domain.InferenceMode;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo history's LLM records: chat requests sent to the LLM-style TEE nodes over HTTP
 * ({@code /v1/chat/completions}), each answer settled as OpenGradient's facilitator settles it — individually with
 * a blob {@code {input, output, teeSignature, teeId, timestamp, ethAddress}} (the request body and the gateway's
 * answer, as the x402 middleware passes them), or as a Merkle batch leaf whose entry the demo batch blob publishes.
 * Dishonest records, at the requested rate and dealt round-robin, are labelled: forged-response (the published
 * answer is not the signed one), bad-signature (the node signs with a key that is not its registered one) and
 * replayed-signature (the settlement carries a genuine signature of an earlier answer).
 */
final class ChatSeeder {

    static final String MODEL = "demo-chat-1";
    static final String VERSION = "1";
    private static final Fault[] FAULTS = {Fault.FORGED_RESPONSE, Fault.BAD_SIGNATURE, Fault.REPLAYED_SIGNATURE};
    private static final String[] TOPICS = {"the settlement relay", "a Merkle batch", "attestation documents",
            "the TEE registry", "RSA-PSS signatures", "re-execution", "block headers", "the blob store"};

    private final List<DemoNode> honestNodes;
    private final DemoNode badSignatureNode;
    private final BlobStoreService blobs;
    private final String payer;
    private final InferenceCaller caller = new InferenceCaller();
    private final ObjectMapper json = new ObjectMapper();

    ChatSeeder(List<DemoNode> honestNodes, DemoNode badSignatureNode, BlobStoreService blobs, String payer) {
        if (honestNodes.isEmpty()) {
            throw new IllegalArgumentException("LLM records need at least one honest LLM node");
        }
        this.honestNodes = List.copyOf(honestNodes);
        this.badSignatureNode = badSignatureNode;
        this.blobs = blobs;
        this.payer = payer;
    }

    /** Produces {@code count} LLM records numbered from {@code firstIndex}, ready for the window settler. */
    List<ProducedRecord> produce(int firstIndex, int count, double dishonestRate, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x11a0c4a7L);
        long dishonestTarget = Math.round(count * dishonestRate);
        List<ProducedRecord> out = new ArrayList<>(count);
        ObjectNode earlier = null;
        int dealt = 0;
        for (int i = 0; i < count; i++) {
            boolean dishonest = dealt < dishonestTarget && (long) (i + 1) * dishonestTarget / count > dealt;
            Fault fault = null;
            if (dishonest) {
                fault = FAULTS[dealt++ % FAULTS.length];
                if (fault == Fault.BAD_SIGNATURE && badSignatureNode == null
                        || fault == Fault.REPLAYED_SIGNATURE && earlier == null) {
                    fault = Fault.FORGED_RESPONSE;
                }
            }
            DemoNode node = fault == Fault.BAD_SIGNATURE ? badSignatureNode
                    : honestNodes.get(rnd.nextInt(honestNodes.size()));
            Settlement settlement = rnd.nextDouble() < 0.6 ? Settlement.INDIVIDUAL : Settlement.BATCH;
            ObjectNode request = request(firstIndex + i, rnd);
            ObjectNode answer = caller.chat(node.url(), request);
            PlannedRecord plan = new PlannedRecord(firstIndex + i, MODEL, VERSION, node.index(), InferenceMode.TEE,
                    settlement, fault, rnd.nextLong());
            out.add(new ProducedRecord(plan, prepare(plan, request, answer, earlier)));
            if (fault == null) {
                earlier = answer;
            }
        }
        return out;
    }

    private ObjectNode request(int index, SplittableRandom rnd) {
        ObjectNode r = json.createObjectNode();
        r.put("model", MODEL);
        var messages = r.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a careful auditor.");
        messages.addObject().put("role", "user").put("content", "Question " + index + ": what does "
                + TOPICS[rnd.nextInt(TOPICS.length)] + " prove?");
        r.put("temperature", 0.0);
        r.put("max_tokens", 64);
        return r;
    }

    private PreparedSettlement prepare(PlannedRecord plan, ObjectNode request, ObjectNode answer, ObjectNode earlier)
            throws IOException {
        byte[] teeId = hex(answer.get("tee_id").textValue());
        byte[] inputHash = hex(answer.get("tee_request_hash").textValue());
        byte[] outputHash = hex(answer.get("tee_output_hash").textValue());
        long timestamp = answer.get("tee_timestamp").longValue();
        String signature = plan.fault() == Fault.REPLAYED_SIGNATURE ? earlier.get("tee_signature").textValue()
                : answer.get("tee_signature").textValue();
        JsonNode published = plan.fault() == Fault.FORGED_RESPONSE ? forged(answer) : answer;
        ObjectNode blob = json.createObjectNode();
        blob.set("input", request);
        blob.set("output", published);
        blob.put("teeSignature", signature);
        blob.put("teeId", answer.get("tee_id").textValue());
        // the facilitator keeps the timestamp as the decimal string it parsed
        blob.put("timestamp", Long.toString(timestamp));
        blob.put("ethAddress", payer);
        byte[] sig = Base64.getDecoder().decode(signature);
        if (plan.settlement() == Settlement.INDIVIDUAL) {
            String blobId = blobs.put(json.writeValueAsBytes(blob));
            return new PreparedSettlement.Individual(new InferenceSettlementRelay.Settlement(teeId, inputHash, outputHash,
                    BigInteger.valueOf(timestamp), payer, blobId.getBytes(StandardCharsets.UTF_8), sig));
        }
        return new PreparedSettlement.BatchEntry(blob,
                new TeeSettlementLeaf(teeId, inputHash, outputHash, sig, BigInteger.valueOf(timestamp)));
    }

    /** The forged-response fault: the answer published with other content than the one signed. */
    private static JsonNode forged(ObjectNode answer) {
        ObjectNode copy = answer.deepCopy();
        ObjectNode message = (ObjectNode) copy.get("choices").get(0).get("message");
        message.put("content", message.get("content").textValue().replace(".", "") + " and nothing was tampered with.");
        return copy;
    }

    private static byte[] hex(String h) {
        return Numeric.hexStringToByteArray(h);
    }
}
