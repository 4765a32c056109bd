package io.proofdesk.devnet.tee;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A node's short-lived attestation signing certificate and its private key (ES384 over COSE_Sign1). */
public record LeafCredential(X509Certificate certificate, PrivateKey privateKey) {
}
