package io.proofdesk.gateway;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A gateway response read for checking: what it claims, and the bytes its signature must cover. */
sealed interface SignedGatewayResponse {

    GatewayFormat format();

    /** The TEE id the response names (0x, lower-case), or null (legacy responses name none). */
    String teeId();

    /** As the response writes it, for people. */
    String timestampText();

    /** When the response says it was signed; null if its timestamp is no time. */
    Instant signedAt();

    /**
     * The current format: RSA-PSS (salt 32) over keccak256(requestHash ‖ outputHash ‖ uint256 timestamp).
     *
     * @param output     the text whose keccak256 the output hash must be (content, tool calls' JSON or completion)
     * @param outputWhat where {@code output} comes from, for the lines
     */
    record HashSigned(GatewayFormat format, String teeId, BigInteger timestamp, byte[] requestHash, byte[] outputHash,
                      byte[] signature, String output, String outputWhat) implements SignedGatewayResponse {

        @Override
        public String timestampText() {
            Instant at = signedAt();
            return at == null ? timestamp.toString() : timestamp + " (" + at + ")";
        }

        @Override
        public Instant signedAt() {
            return timestamp.bitLength() < 40 ? Instant.ofEpochSecond(timestamp.longValueExact()) : null;
        }
    }

    /**
     * The legacy and interim formats: RSA-PSS (maximum salt) over {@code json.dumps(signed, sort_keys=True)}, which
     * holds the response itself, the request hash (SHA-256 hex) and an ISO timestamp.
     */
    record JsonSigned(GatewayFormat format, byte[] signedJson, String requestHash, String timestamp, byte[] signature)
            implements SignedGatewayResponse {

        @Override
        public String teeId() {
            return null;
        }

        @Override
        public String timestampText() {
            return timestamp;
        }

        @Override
        public Instant signedAt() {
            try {
                return OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
