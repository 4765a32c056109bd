package io.proofdesk.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A settled record's published content ({@link io.proofdesk.node.wire.SettledBlobJson}): the {@code /infer} request
 * object and the output array whose hashes were settled, and the signature fields. Parsed strictly: a blob is
 * hostile input.
 */
public record SettledBlob(JsonNode input, JsonNode output, String ipfsHash, String modelInputs) {

    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                    .maxDocumentLength(64L << 20).maxStringLength(32 << 20).maxNumberLength(400).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** Parses a blob or says what is wrong with it. */
    public static SettledBlob parse(byte[] bytes) throws BlobFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BlobFormatException("not JSON: " + firstLine(e.getMessage()));
        }
        return of(root);
    }

    static SettledBlob of(JsonNode root) throws BlobFormatException {
        if (root == null || !root.isObject()) {
            throw new BlobFormatException("not a JSON object");
        }
        JsonNode input = root.get("input");
        JsonNode output = root.get("output");
        if (input == null || !input.isObject()) {
            throw new BlobFormatException("\"input\" is missing or not an object");
        }
        if (output == null || !output.isArray()) {
            throw new BlobFormatException("\"output\" is missing or not an array");
        }
        JsonNode ipfs = input.get("ipfs_hash");
        JsonNode inputs = input.get("model_inputs");
        if (ipfs == null || !ipfs.isTextual() || inputs == null || !inputs.isTextual()) {
            throw new BlobFormatException("\"input\" needs the strings ipfs_hash and model_inputs");
        }
        return new SettledBlob(input, output, ipfs.textValue(), inputs.textValue());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A blob that is not the documented JSON. */
    public static final class BlobFormatException extends Exception {
        public BlobFormatException(String message) {
            super(message);
        }
    }
}
