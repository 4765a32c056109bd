package io.proofdesk.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.gateway.ChatRequestHashes;
import io.proofdesk.node.wire.ChatExchange;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.RecordEvidence;
import org.web3j.utils.Numeric;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An LLM record's published chat is what was settled: the request, rebuilt and hashed as the TEE gateway hashes it
 * (keccak256 of its sorted-keys JSON), is the settled input hash, and keccak256 of the response text is the settled
 * output hash ({@link ChatExchange}, {@link ChatRequestHashes}). A request the gateway rebuilt in a way Proofdesk does not reproduce leaves
 * the input side UNVERIFIED, never passed.
 */
public final class ChatBlobCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.BLOB;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Fetched<TeeSettlementLeaf> settled = evidence.settled();
        if (settled instanceof Fetched.Failed<TeeSettlementLeaf> f) {
            return CheckLines.of(name(), f);
        }
        Fetched<JsonNode> published = evidence.publishedJson();
        if (published instanceof Fetched.Failed<JsonNode> f) {
            return CheckLines.of(name(), f);
        }
        TeeSettlementLeaf s = ((Fetched.Ok<TeeSettlementLeaf>) settled).value();
        JsonNode entry = ((Fetched.Ok<JsonNode>) published).value();
        Optional<ChatExchange> read;
        try {
            read = ChatExchange.read(entry.get("input"), entry.get("output"));
        } catch (IllegalArgumentException e) {
            return CheckLines.fail(name(), "the published chat has no response text: " + e.getMessage());
        }
        if (read.isEmpty()) {
            return CheckLines.fail(name(), "the published input is not a chat or completion request");
        }
        ChatExchange chat = read.get();
        byte[] outputHash = chat.outputHash();
        ChatRequestHashes inputForms = ChatRequestHashes.of(chat.requestJson());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("blobId", String.valueOf(evidence.inference().blobId()));
        details.put("model", chat.model());
        details.put("settledInputHash", Numeric.toHexString(s.inputHash()));
        details.put("settledOutputHash", Numeric.toHexString(s.outputHash()));
        details.put("computedInputHash", String.join(" or ", inputForms.forms().stream()
                .map(Numeric::toHexString).toList()));
        details.put("computedOutputHash", Numeric.toHexString(outputHash));
        details.put("outputHashOf", chat.responseWhat());
        boolean outputOk = MessageDigest.isEqual(outputHash, s.outputHash());
        boolean inputOk = matches(inputForms.forms(), s.inputHash());
        if (!outputOk && !settledIsTheAnswersOwn(entry.get("output"), s.outputHash())) {
            // the settled hash is not what the answer itself says it signed: the older x402 middleware settled
            // SHA-256 of the raw HTTP bodies, which parsed JSON cannot give back; an honest record of that form
            // must not be called forged
            return CheckLines.unverified(name(), "the settled output hash " + Numeric.toHexString(s.outputHash())
                    + " is neither keccak256 of the published response nor the answer's own tee_output_hash: the "
                    + "record may be of the older x402 form, which settled SHA-256 of the raw HTTP bodies; the "
                    + "published blob cannot give those bytes back");
        }
        if (!outputOk) {
            return CheckLines.fail(name(), "the published response (" + chat.responseWhat() + ") hashes to "
                    + Numeric.toHexString(outputHash) + ", not to the settled output hash "
                    + Numeric.toHexString(s.outputHash()) + ": the response is not the one the TEE signed", details);
        }
        if (inputForms.forms().isEmpty()) {
            return CheckLines.unverified(name(), "the response hashes to the settled output hash, but the request "
                    + "cannot be hashed as the gateway hashed it: " + inputForms.why());
        }
        if (!inputOk && evidence.inference().timestamp().isBefore(ChatRequestHashes.REBUILT_SINCE)) {
            return CheckLines.unverified(name(), "the response hashes to the settled output hash; the request does "
                    + "not hash to the settled input hash, but it was signed before "
                    + ChatRequestHashes.REBUILT_SINCE + ", when the gateway hashed the request its wrapper had "
                    + "rewritten, which Proofdesk does not reproduce");
        }
        if (!inputOk) {
            return CheckLines.fail(name(), "the published request hashes to " + details.get("computedInputHash")
                    + " (keccak256 of its sorted-keys JSON, as the gateway rebuilds it), not to the settled input hash "
                    + Numeric.toHexString(s.inputHash()) + ": the request is not the one the TEE answered", details);
        }
        return CheckLines.pass(name(), "the published request and response hash to the settled hashes (keccak256 "
                + "of the request's sorted-keys JSON and of the response text)", details);
    }

    /** Whether the answer's own {@code tee_output_hash} (hex, with or without 0x) is the settled output hash. */
    private static boolean settledIsTheAnswersOwn(JsonNode output, byte[] settled) {
        String own = output == null ? "" : output.path("tee_output_hash").asText("");
        String hex = own.startsWith("0x") || own.startsWith("0X") ? own.substring(2) : own;
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            return true; // no hash of its own to weigh: the response is held against the settled hash alone
        }
        return MessageDigest.isEqual(java.util.HexFormat.of().parseHex(hex), settled);
    }

    private static boolean matches(List<byte[]> forms, byte[] settled) {
        return forms.stream().anyMatch(f -> MessageDigest.isEqual(f, settled));
    }
}
