package io.proofdesk.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.http.CappedGet;
import io.proofdesk.node.http.HttpClients;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A TEE node's public endpoints: {@code GET /enclave/attestation?nonce=<hex>} (base64 text of the COSE_Sign1
 * document, as nitriding serves it) and {@code GET /signing-key} ({@code {public_key: PEM, tee_id}}).
 */
public final class NodeClient {

    /** Attestation documents are a few kilobytes; 128 KiB leaves room for base64 of the parser's 64 KiB cap. */
    public static final int MAX_ANSWER_BYTES = 128 * 1024;
    public static final int MAX_NONCE_BYTES = 64;

    private final CappedGet get;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public NodeClient() {
        this(Duration.ofSeconds(15));
    }

    public NodeClient(Duration timeout) {
        this.get = new CappedGet(HttpClients.cappedIdempotent(MAX_ANSWER_BYTES, timeout));
    }

    /** {@code /signing-key}'s answer. */
    public record SigningKey(@JsonProperty("public_key") String publicKeyPem, @JsonProperty("tee_id") String teeId) {
    }

    /** The attestation document's bytes as served (base64 text; the parser accepts raw CBOR too). */
    public byte[] attestation(String nodeUrl, byte[] nonce) throws IOException {
        if (nonce.length > MAX_NONCE_BYTES) {
            throw new IllegalArgumentException("nonce longer than " + MAX_NONCE_BYTES + " bytes");
        }
        HttpUrl url = CappedGet.base(nodeUrl, "node URL").newBuilder().addPathSegments("enclave/attestation")
                .addQueryParameter("nonce", HexFormat.of().formatHex(nonce)).build();
        return get.bytes(url);
    }

    public SigningKey signingKey(String nodeUrl) throws IOException {
        HttpUrl url = CappedGet.base(nodeUrl, "node URL").newBuilder().addPathSegment("signing-key").build();
        byte[] body = get.bytes(url);
        try {
            SigningKey key = json.readValue(body, SigningKey.class);
            if (key == null || key.publicKeyPem() == null) {
                throw new IOException(url + " did not answer {public_key, tee_id}");
            }
            return key;
        } catch (JsonProcessingException e) {
            throw new IOException(url + " answered something that is not {public_key, tee_id}: "
                    + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8), e);
        }
    }
}
