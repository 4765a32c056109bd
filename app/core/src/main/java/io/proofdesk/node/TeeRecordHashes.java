package io.proofdesk.node;

import org.web3j.crypto.Hash;

/**
 * How an ONNX TEE record's settled hashes are formed: inputHash = keccak256(canonical JSON of the {@code /infer}
 * request object), outputHash = keccak256(canonical JSON of its {@code output} array) — the ONNX analogue of the LLM
 * gateway's keccak256 over the sorted-keys request JSON (docs/PROTOCOL.md).
 */
public final class TeeRecordHashes {

    private TeeRecordHashes() {
    }

    public static byte[] inputHash(Object request) {
        return Hash.sha3(CanonicalJson.bytes(request));
    }

    public static byte[] outputHash(Object output) {
        return Hash.sha3(CanonicalJson.bytes(output));
    }
}
