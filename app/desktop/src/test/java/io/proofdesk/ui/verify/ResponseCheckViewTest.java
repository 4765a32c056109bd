package io.proofdesk.ui.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Tee;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.VerdictBadge;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.Hash;

import java.io.File;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checking a TEE gateway response in the desktop: a response signed here by a TEE the app's store has registered,
 * checked through the entry point the Verify view's button and a dropped file use, and OpenGradient's real legacy
 * response (core's test data, see its README) checked against its key through the dialog's key button.
 */
@ExtendWith(ApplicationExtension.class)
class ResponseCheckViewTest {

    private static final Path REAL = Path.of("..", "core", "src", "test", "resources", "opengradient", "gateway");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AppWiring wiring;
    private Stage stage;
    private KeyPair tee;

    @Start
    void start(Stage primary) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        tee = g.generateKeyPair();
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (Store store = Store.open(data)) {
            store.inTransaction(tx -> tx.tees().upsert(new Tee(TeeId.of(tee.getPublic()).hex(), "0x" + "00".repeat(20),
                    null, null, Bytes.of(tee.getPublic().getEncoded()), Bytes.empty(), null, 0, true, null, null)));
        }
        wiring = new AppWiring(data);
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void aResponseOfARegisteredTeeIsValidAndAChangedOneInvalid(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
        Path valid = response("valid.json", "The answer is 42.", "The answer is 42.");
        robot.interact(() -> wiring.responseChecks().check(valid));
        assertEquals("Valid", verdictShown(robot));
        String lines = onFx(() -> robot.lookup("#responseCheckLines").queryAs(TextArea.class).getText());
        assertTrue(lines.contains("Key source: the registry’s key, as the local store holds it"), lines);
        assertTrue(lines.contains("Signature: ok — RSA-PSS"), lines);
        assertTrue(lines.contains("TEE: " + TeeId.of(tee.getPublic()).hex()), lines);

        Path changed = response("changed.json", "The answer is 42.", "The answer is 43.");
        robot.interact(() -> wiring.responseChecks().check(changed));
        assertEquals("Invalid", verdictShown(robot));
        String after = onFx(() -> robot.lookup("#responseCheckLines").queryAs(TextArea.class).getText());
        assertTrue(after.contains("Output hash: FAILED — $.choices[0].message.content hashes to"), after);
    }

    @Test
    void theVerifyViewsButtonAndTheDialogsKeyButtonCheckTheRealLegacyResponse(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
        Path legacy = REAL.resolve("tee-gateway-06ed1e2-legacy-response.json");
        Path key = REAL.resolve("tee-gateway-06ed1e2-legacy-key.pem");
        wiring.useReportFilePicker((owner, title, folder, filter, patterns) -> patterns.contains("*.pem") ? key : legacy);
        robot.interact(() -> wiring.main().open(View.VERIFY));
        robot.clickOn("#checkResponseButton");
        // a legacy response names no TEE, so the store's registry has no key for it
        assertEquals("Cannot check", verdictShown(robot));
        robot.clickOn("Check against a key file…");
        assertEquals("Valid", verdictShown(robot));
        String lines = onFx(() -> robot.lookup("#responseCheckLines").queryAs(TextArea.class).getText());
        assertTrue(lines.contains("Format: legacy Dec 2025 (signature in system_fingerprint)"), lines);
        assertTrue(lines.contains("Key file: " + key), lines);
    }

    @Test
    void onlyOneDroppedJsonFileIsTakenAsAResponse() {
        assertEquals(Path.of("a.json"), ResponseCheckEntry.responseFile(List.of(new File("a.json"))));
        assertEquals(Path.of("B.JSON"), ResponseCheckEntry.responseFile(List.of(new File("B.JSON"))));
        assertNull(ResponseCheckEntry.responseFile(List.of(new File("a.pdf"))));
        assertNull(ResponseCheckEntry.responseFile(List.of(new File("a.json"), new File("b.json"))));
    }

    /** Waits for the check to end and the dialog to show it; returns the verdict's word. */
    private String verdictShown(FxRobot robot) throws Exception {
        ResponseCheckViewModel checks = wiring.responseChecks();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !checks.checkingProperty().get()
                && checks.outcomeProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        VerdictBadge badge = robot.lookup("#responseCheckBadge").queryAs(VerdictBadge.class);
        assertTrue(onFx(() -> badge.getScene().getWindow().isShowing()), "the dialog is open");
        return onFx(badge::getText);
    }

    /** A current-format body as tee-gateway's chat controller writes it, signed over {@code signedContent}. */
    private Path response(String name, String signedContent, String shownContent) throws Exception {
        byte[] in = Hash.sha3("{\"messages\": []}".getBytes(StandardCharsets.US_ASCII));
        byte[] out = Hash.sha3(signedContent.getBytes(StandardCharsets.UTF_8));
        long ts = 1_776_000_000L;
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.initSign(tee.getPrivate());
        s.setParameter(TeeSignatures.settlementPss());
        s.update(TeeSignatures.settlementMessageHash(in, out, BigInteger.valueOf(ts)));
        ObjectNode body = JSON.createObjectNode().put("object", "chat.completion").put("model", "gpt-4.1");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", shownContent);
        choice.put("finish_reason", "stop");
        body.put("tee_signature", Base64.getEncoder().encodeToString(s.sign()))
                .put("tee_request_hash", HexFormat.of().formatHex(in))
                .put("tee_output_hash", HexFormat.of().formatHex(out))
                .put("tee_timestamp", ts)
                .put("tee_id", TeeId.of(tee.getPublic()).hex());
        Path file = dir.resolve(name);
        Files.write(file, JSON.writeValueAsBytes(body));
        return file;
    }
}
