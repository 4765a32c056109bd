package io.proofdesk.verify;

import java.io.IOException;

/** A node's attestation document for a nonce ({@link io.proofdesk.node.NodeClient#attestation}), raw CBOR or base64. */
@FunctionalInterface
public interface AttestationSource {
    byte[] attestation(String nodeUrl, byte[] nonce) throws IOException;
}
