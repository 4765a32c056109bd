package io.proofdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Tee;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code proofdesk check-response}: OpenGradient's real legacy response (core's test data, from OpenGradient/
 * tee-gateway, see its README) and a current-format response signed here over a request whose canonical text is
 * tee-gateway's own output (core's requests/canonical.json).
 */
class CheckResponseCommandTest {

    /** Surefire runs in the module folder; the data is core's test resources. */
    private static final Path DATA = Path.of("..", "core", "src", "test", "resources", "opengradient", "gateway");
    private static final Path LEGACY = DATA.resolve("tee-gateway-06ed1e2-legacy-response.json");
    private static final Path LEGACY_REQUEST = DATA.resolve("tee-gateway-06ed1e2-legacy-request.json");
    private static final Path LEGACY_KEY = DATA.resolve("tee-gateway-06ed1e2-legacy-key.pem");
    private static final Path REQUEST = DATA.resolve("requests").resolve("current-chat-tools.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeyPair tee;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTee() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        tee = g.generateKeyPair();
    }

    @Test
    void theRealLegacyResponseIsValidWithItsKeyAndRequest() {
        CliTestRun run = CliTestRun.of("check-response", LEGACY.toString(), "--request", LEGACY_REQUEST.toString(),
                "--key", LEGACY_KEY.toString());
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("format    legacy Dec 2025 (signature in system_fingerprint)"), run.out());
        assertTrue(run.out().contains("timestamp 2025-12-16T08:20:26.491885+00:00"), run.out());
        assertTrue(run.out().contains("request   ok: SHA-256 of the request given"), run.out());
        assertTrue(run.out().contains("signature ok: RSA-PSS"), run.out());
        assertTrue(run.out().endsWith("verdict   VALID" + System.lineSeparator()), run.out());
    }

    @Test
    void theRealLegacyResponseWithoutAKeyCannotBeChecked() {
        CliTestRun run = CliTestRun.of("check-response", LEGACY.toString());
        assertEquals(ExitCode.UNVERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("verdict   CANNOT_CHECK"), run.out());
        assertTrue(run.out().contains("reason    signature: no key to check against"), run.out());
    }

    @Test
    void oneCharacterChangedInTheRealResponseIsInvalid() throws Exception {
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, Files.readString(LEGACY).replace("Hello!", "Hello."));
        CliTestRun run = CliTestRun.of("check-response", changed.toString(), "--key", LEGACY_KEY.toString());
        assertEquals(ExitCode.MISMATCH, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("signature FAILED: RSA-PSS signature does not verify under this key"), run.out());
    }

    @Test
    void aCurrentResponseIsCheckedAgainstAKeyOrTheSyncedRegistry() throws Exception {
        Path response = currentResponse("It is 21.5 °C in Zürich.");
        Path pem = dir.resolve("tee.pem");
        Files.writeString(pem, PublicKeys.toPem(tee.getPublic()));
        CliTestRun withKey = CliTestRun.of("check-response", response.toString(), "--request", REQUEST.toString(),
                "--key", pem.toString());
        assertEquals(ExitCode.VERIFIED, withKey.exitCode(), withKey.out() + withKey.err());
        assertTrue(withKey.out().contains("tee_id    " + TeeId.of(tee.getPublic()).hex()), withKey.out());
        assertTrue(withKey.out().contains("output    ok: keccak256 of $.choices[0].message.content"), withKey.out());

        Path data = dir.resolve("data");
        CliTestRun noStore = CliTestRun.of("check-response", response.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.UNVERIFIED, noStore.exitCode(), noStore.out() + noStore.err());
        assertTrue(noStore.out().contains("there is no store in"), noStore.out());

        register("0x" + "12".repeat(32), true);
        CliTestRun unknown = CliTestRun.of("check-response", response.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.UNVERIFIED, unknown.exitCode(), unknown.out() + unknown.err());
        assertTrue(unknown.out().contains("reason    key: unknown TEE " + TeeId.of(tee.getPublic()).hex()),
                unknown.out());

        register(TeeId.of(tee.getPublic()).hex(), false);
        CliTestRun disabled = CliTestRun.of("check-response", response.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.MISMATCH, disabled.exitCode(), disabled.out() + disabled.err());
        assertTrue(disabled.out().contains("is disabled in the registry"), disabled.out());

        register(TeeId.of(tee.getPublic()).hex(), true);
        CliTestRun enabled = CliTestRun.of("check-response", response.toString(), "--data-dir", data.toString(),
                "--request", REQUEST.toString());
        assertEquals(ExitCode.VERIFIED, enabled.exitCode(), enabled.out() + enabled.err());
    }

    @Test
    void unreadableInputExitsThreeNamingTheFileAndPlace() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"choices\": [\n  {\"message\": }\n]}");
        CliTestRun run = CliTestRun.of("check-response", broken.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("reason    " + broken + ": not JSON at line 2, column 15"), run.out());

        CliTestRun badId = CliTestRun.of("check-response", LEGACY.toString(), "--tee-id", "0x12");
        assertEquals(ExitCode.BAD_INPUT, badId.exitCode(), badId.out() + badId.err());
        CliTestRun both = CliTestRun.of("check-response", LEGACY.toString(), "--key", LEGACY_KEY.toString(),
                "--data-dir", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, both.exitCode(), both.out() + both.err());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    /** A body as chat_controller builds it, over the request whose canonical text tee-gateway's code wrote. */
    private Path currentResponse(String content) throws Exception {
        String canonical = JSON.readTree(DATA.resolve("requests").resolve("canonical.json").toFile())
                .get("current-chat-tools.json").textValue();
        byte[] in = Hash.sha3(canonical.getBytes(StandardCharsets.US_ASCII));
        byte[] out = Hash.sha3(content.getBytes(StandardCharsets.UTF_8));
        long ts = 1_776_000_000L;
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.initSign(tee.getPrivate());
        s.setParameter(TeeSignatures.settlementPss());
        s.update(TeeSignatures.settlementMessageHash(in, out, BigInteger.valueOf(ts)));
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", ts).put("model", "gpt-4.1");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.put("tee_signature", Base64.getEncoder().encodeToString(s.sign()))
                .put("tee_request_hash", HexFormat.of().formatHex(in))
                .put("tee_output_hash", HexFormat.of().formatHex(out))
                .put("tee_timestamp", ts)
                .put("tee_id", TeeId.of(tee.getPublic()).hex());
        Path file = dir.resolve("response.json");
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        return file;
    }

    private void register(String teeId, boolean enabled) {
        try (Store store = Store.open(new DataDirectory(dir.resolve("data")))) {
            store.inTransaction(tx -> tx.tees().upsert(new Tee(teeId, "0x" + "00".repeat(20), null, null,
                    Bytes.of(tee.getPublic().getEncoded()), Bytes.empty(), null, 0, enabled, null, null)));
        }
    }
}
