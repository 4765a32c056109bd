package io.proofdesk.devnet.node;

import io.proofdesk.devnet.tee.NodeAttestation;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.TeeSigner;

/**
 * A demo TEE node's keys: its registered signing key, the key it actually signs with (a different one only for
 * BAD_SIGNATURE), its TLS certificate and its attestation endpoint.
 */
public record NodeIdentity(String name, TeeSigner registeredKey, TeeSigner signingKey, NodeTlsCertificate tls,
                           NodeAttestation attestation) {
}
