package io.proofdesk.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * keccak256 of a chat or completion request in each form a tee-gateway build hashed it: the request rebuilt into
 * the dict the gateway hashed ({@link GatewayRequests}), dumped with sorted keys. What a settled LLM record's input
 * hash must be.
 *
 * @param forms the hashes (chat with and without {@code response_format}, or completion); empty when the gateway's
 *              rebuild of this request is one Proofdesk does not reproduce, and then {@code why} says so
 */
public record ChatRequestHashes(List<byte[]> forms, String why) {

    public ChatRequestHashes {
        forms = List.copyOf(forms);
    }

    /**
     * Before this time the gateway hashed the request its wrapper had rewritten, which Proofdesk does not reproduce:
     * a request of an older record that does not hash to the settled hash is not evidence of a different request.
     */
    public static final java.time.Instant REBUILT_SINCE = GatewayRequests.CURRENT_REQUEST_HASH_SINCE;

    /** The forms of a request with chat {@code messages}, or else a completion {@code prompt}. */
    public static ChatRequestHashes of(JsonNode request) {
        Object plain = GatewayJson.plain(request);
        List<byte[]> forms = new ArrayList<>();
        try {
            if (request.path("messages").isArray()) {
                forms.add(GatewayRequests.keccak(GatewayRequests.currentChat(plain, true)));
                byte[] without = GatewayRequests.keccak(GatewayRequests.currentChat(plain, false));
                if (!Arrays.equals(without, forms.getFirst())) {
                    forms.add(without);
                }
            } else {
                forms.add(GatewayRequests.keccak(GatewayRequests.currentCompletion(plain)));
            }
        } catch (GatewayUncheckableException e) {
            return new ChatRequestHashes(List.of(), e.getMessage());
        }
        return new ChatRequestHashes(forms, null);
    }

    /** keccak256 of a chat request as the current gateway hashes it: what a demo TEE signs. */
    public static byte[] currentChat(JsonNode request) {
        return GatewayRequests.keccak(GatewayRequests.currentChat(GatewayJson.plain(request), true));
    }
}
