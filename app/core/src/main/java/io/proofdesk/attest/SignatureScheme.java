package io.proofdesk.attest;

import java.util.Locale;

/** Signature schemes the generic checker knows, by their command-line names. */
public enum SignatureScheme {
    /** RSA-PSS, SHA-256 over the message inside PSS, MGF1-SHA-256, 32-byte salt. */
    RSA_PSS_SHA256("rsa-pss-sha256"),
    /** ECDSA P-384 with SHA-384, signature as raw r‖s (96 bytes), the way COSE carries it. */
    ES384("es384");

    private final String cliName;

    SignatureScheme(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static SignatureScheme fromCliName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (SignatureScheme s : values()) {
            if (s.cliName.equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown signature scheme '" + name + "' (known: rsa-pss-sha256, es384)");
    }
}
