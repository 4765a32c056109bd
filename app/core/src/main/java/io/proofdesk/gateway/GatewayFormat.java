package io.proofdesk.gateway;

/**
 * The signed-response formats OpenGradient's tee-gateway has produced (OpenGradient/tee-gateway history): what is
 * signed, and how a request is hashed, differ between them.
 */
public enum GatewayFormat {
    /** Since 2026-02-27: tee_signature over keccak256(inputHash ‖ outputHash ‖ uint256 tee_timestamp), chat. */
    CURRENT_CHAT("current (tee_signature over keccak256 hashes), chat completion"),
    /** The same for /v1/completions: the output is choices[0].text. */
    CURRENT_COMPLETION("current (tee_signature over keccak256 hashes), text completion"),
    /**
     * 2026-02-13 .. 02-27: the OpenAI-shaped wrapper copied the legacy gateway's fields into tee_signature,
     * tee_request_hash (SHA-256) and tee_timestamp (ISO text); the signature is the legacy one.
     */
    INTERIM_CHAT("interim Feb 2026 (tee_signature over sorted-keys JSON, ISO tee_timestamp), chat completion"),
    /** Dec 2025: an OpenAI-shaped response whose system_fingerprint is a Python dict of the legacy signature. */
    LEGACY_FINGERPRINT("legacy Dec 2025 (signature in system_fingerprint), chat completion"),
    /** Dec 2025 .. Feb 2026: the gateway's own body {finish_reason, message, model, timestamp, signature, request_hash}. */
    LEGACY_CHAT("legacy Dec 2025 (gateway body with signature and request_hash), chat completion"),
    /** The same for completions: {completion, model, timestamp, signature, request_hash}. */
    LEGACY_COMPLETION("legacy Dec 2025 (gateway body with signature and request_hash), text completion");

    private final String description;

    GatewayFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the signature covers the response text itself (legacy) rather than keccak256 hashes of it (current). */
    public boolean signsJson() {
        return this != CURRENT_CHAT && this != CURRENT_COMPLETION;
    }
}
