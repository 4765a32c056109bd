package io.proofdesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.Base64;

/** The committed test auditor's public key, which signed the report fuzz targets' seeds. */
final class FuzzKeys {

    static final PublicKey TEST_AUDITOR = read();

    private FuzzKeys() {
    }

    private static PublicKey read() {
        try (InputStream in = FuzzKeys.class.getResourceAsStream("test-auditor-key.pub.pem")) {
            String pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return AuditorKey.publicKey(Base64.getDecoder().decode(b64));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
