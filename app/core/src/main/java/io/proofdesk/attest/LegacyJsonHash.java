package io.proofdesk.attest;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The older gateway's request hash: SHA-256 of Python's {@code json.dumps(value, sort_keys=True)} (what its
 * {@code request_signature} hex names). Verifiers accept it beside the current keccak256 form and say which matched.
 */
public final class LegacyJsonHash {

    private LegacyJsonHash() {
    }

    public static byte[] sha256(Object value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(PythonJson.sortedDumpsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
