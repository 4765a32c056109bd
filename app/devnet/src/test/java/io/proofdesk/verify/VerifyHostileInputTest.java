package io.proofdesk.verify;

import com.sun.net.httpserver.HttpServer;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.node.BlobStoreClient;
import io.proofdesk.node.NodeClient;
import io.proofdesk.verify.checks.AttestationCheck;
import io.proofdesk.verify.checks.BlobCheck;
import io.proofdesk.verify.checks.SignatureCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every external input may be hostile: each bad answer is a FAIL/ERROR line with a reason, never a crash or a pass. */
class VerifyHostileInputTest {

    static final String HASH = "0x" + "11".repeat(32);
    HttpServer server;
    String base;
    volatile byte[] answer = new byte[0];
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = answer;
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Inference record(String blobId, Bytes signature) {
        return new Inference(RecordId.of("0x" + "ab".repeat(32), 0), InferenceMode.TEE, "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
                null, HASH, null, SettlementKind.INDIVIDUAL, 5, Instant.ofEpochSecond(1_764_000_000L), null, HASH, HASH,
                signature, blobId, null, List.of(), List.of(), List.of(), null);
    }

    private static StoredFacts facts(Inference r, Optional<Tee> tee) {
        return new StoredFacts(r, tee, List.of(), null, Optional.empty(), Optional.empty(), List.of());
    }

    private CheckResult blobLine(BlobStoreClient client) {
        return new BlobCheck().check(new RecordEvidence(facts(record("blob-1", Bytes.empty()), Optional.empty()),
                client::fetch));
    }

    @Test
    @DisplayName("an oversized blob answer is refused while reading: ERROR naming the cap")
    void oversizedBlob() {
        answer = new byte[64 * 1024];
        CheckResult line = blobLine(new BlobStoreClient(base, 1024, Duration.ofSeconds(5)));
        assertEquals(CheckStatus.ERROR, line.status());
        assertTrue(line.reason().contains("larger than 1024"), line.reason());
    }

    @Test
    @DisplayName("a missing blob is UNVERIFIED, a 500 and an unreachable store are ERROR")
    void missingAndBrokenBlobStore() {
        status = 404;
        assertEquals(CheckStatus.UNVERIFIED, blobLine(new BlobStoreClient(base)).status());
        status = 500;
        assertEquals(CheckStatus.ERROR, blobLine(new BlobStoreClient(base)).status());
        server.stop(0);
        assertEquals(CheckStatus.ERROR, blobLine(new BlobStoreClient(base)).status());
    }

    @Test
    @DisplayName("blobs that are not JSON, nest too deep, or lack the request are FAIL with the reason")
    void malformedBlobs() {
        for (String bad : List.of("not json", "[".repeat(5000), "{\"input\": 1, \"output\": []}",
                "{\"input\": {\"ipfs_hash\": \"Qm\", \"model_inputs\": \"{}\"}, \"output\": [], \"input\": {}}")) {
            answer = bad.getBytes(StandardCharsets.UTF_8);
            CheckResult line = blobLine(new BlobStoreClient(base));
            assertEquals(CheckStatus.FAIL, line.status(), bad.substring(0, Math.min(20, bad.length())));
        }
    }

    @Test
    @DisplayName("a registered key of the wrong type (EC) fails the signature line instead of throwing")
    void wrongKeyType() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] der = g.generateKeyPair().getPublic().getEncoded();
        Tee tee = new Tee(HASH, "0x00", null, null, Bytes.of(der), Bytes.empty(), null, 0, true, null, null);
        CheckResult line = new SignatureCheck().check(new RecordEvidence(facts(record("b", Bytes.of(new byte[256])),
                Optional.of(tee)), id -> new byte[0]));
        assertEquals(CheckStatus.FAIL, line.status());
    }

    @Test
    @DisplayName("a node answering garbage, truncated CBOR, or too much fails or errors the attestation, once per TEE")
    void hostileAttestation() {
        Tee tee = new Tee(HASH, "0x00", null, base, Bytes.of(new byte[] {1}), Bytes.empty(), HASH, 0, true, null, null);
        for (byte[] bad : List.of("%%%not base64".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xd2, (byte) 0x84, 0x40}, new byte[200 * 1024])) {
            answer = bad;
            AttestationCheck check = new AttestationCheck(new NodeClient()::attestation, TrustedRoots.awsNitro(),
                    Clock.systemUTC(), Duration.ofMinutes(10), new SecureRandom());
            RecordEvidence e = new RecordEvidence(facts(record("b", Bytes.empty()), Optional.of(tee)), id -> new byte[0]);
            CheckResult first = check.check(e);
            assertTrue(first.status() == CheckStatus.FAIL || first.status() == CheckStatus.ERROR, first.toString());
            check.check(e);
            assertEquals(1, check.teesAttested());
        }
    }
}
