package io.proofdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.chain.ChainDeployer;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.TEERegistry;
import io.proofdesk.devnet.contracts.TEERegistryFeb2026;
import io.proofdesk.devnet.contracts.TEERegistryOhttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code proofdesk check-response --network}: the registry read live over JSON-RPC from anvil, in three registry
 * versions (the demo network's TEERegistry, the Feb 2026 shape with `active`, the newest with ohttpConfig). A response
 * signed by a registered, enabled TEE is VALID; one signed after the TEE was disabled is INVALID, while one signed
 * before stays VALID; an unknown TEE and an unreachable registry cannot be checked (exit 2) with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckResponseNetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger TEE_TYPE = BigInteger.ONE;

    private Path dir;
    private AnvilProcess anvil;
    private ChainSession session;
    private DevnetContracts demo;
    private TEERegistryFeb2026 feb;
    private TEERegistryOhttp ohttp;
    private KeyPair tee;
    private byte[] der;

    @BeforeAll
    void chain(@TempDir Path tmp) throws Exception {
        dir = tmp;
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), dir.resolve("anvil")));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        demo = new ChainDeployer(session).deployAll();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        tee = g.generateKeyPair();
        der = tee.getPublic().getEncoded();

        TEERegistry r = demo.teeRegistry();
        r.addTEEType(TEE_TYPE, "LLM").send();
        TEERegistry.PCRMeasurements pcrs = new TEERegistry.PCRMeasurements(new byte[48], new byte[48],
                "image".getBytes(StandardCharsets.US_ASCII));
        r.approvePCR(pcrs, "v1", TEE_TYPE).send();
        r.registerTEE("doc".getBytes(StandardCharsets.US_ASCII), der, "tls".getBytes(StandardCharsets.US_ASCII),
                DevAccounts.other().getAddress(), "https://tee:443", TEE_TYPE, r.computePCRHash(pcrs).send()).send();

        feb = TEERegistryFeb2026.deploy(session.web3j(), session.transactionManager(), session.gasProvider()).send();
        feb.registerTEE(der, "https://tee:443", new byte[32], TEE_TYPE).send();
        ohttp = TEERegistryOhttp.deploy(session.web3j(), session.transactionManager(), session.gasProvider()).send();
        ohttp.registerTEE(der, "https://tee:443", new byte[32], TEE_TYPE).send();
    }

    @AfterAll
    void stop() {
        if (session != null) {
            session.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void theRegistryOfEachVersionIsReadLiveAndTheStatusAtSigningDecides() throws Exception {
        String id = TeeId.of(tee.getPublic()).hex();
        Path signedEarly = response("early.json", chainTime());
        for (String registry : List.of(demo.teeRegistry().getContractAddress(), feb.getContractAddress(),
                ohttp.getContractAddress())) {
            CliTestRun run = CliTestRun.of("check-response", signedEarly.toString(), "--network",
                    profile(anvil.rpcUrl(), registry).toString(), "--tee-id", id);
            assertEquals(ExitCode.VERIFIED, run.exitCode(), registry + "\n" + run.out() + run.err());
            assertTrue(run.out().contains("key       ok: the registry's key of TEE " + id + " (the TEE registry of "
                    + "network anvil-test); registered and enabled when the response was signed"), run.out());
            assertTrue(run.out().contains("signature ok: RSA-PSS"), run.out());
        }

        advance(100); // the disabling comes well after the early response was signed
        demo.teeRegistry().disableTEE(Hash.sha3(der)).send();
        Path signedLate = response("late.json", chainTime() + 1);
        Path demoProfile = profile(anvil.rpcUrl(), demo.teeRegistry().getContractAddress());
        CliTestRun late = CliTestRun.of("check-response", signedLate.toString(), "--network", demoProfile.toString());
        assertEquals(ExitCode.MISMATCH, late.exitCode(), late.out() + late.err());
        assertTrue(late.out().contains("verdict   INVALID"), late.out());
        assertTrue(late.out().contains("was disabled when the response was signed"), late.out());
        // signed while it was enabled: still valid, with the later disabling said
        CliTestRun early = CliTestRun.of("check-response", signedEarly.toString(), "--network", demoProfile.toString());
        assertEquals(ExitCode.VERIFIED, early.exitCode(), early.out() + early.err());
        assertTrue(early.out().contains("disabled since, as of block"), early.out());

        // the newest registry's disabling too
        ohttp.disableTEE(Hash.sha3(der)).send();
        Path signedAfterOhttp = response("late2.json", chainTime() + 1);
        CliTestRun ohttpLate = CliTestRun.of("check-response", signedAfterOhttp.toString(), "--network",
                profile(anvil.rpcUrl(), ohttp.getContractAddress()).toString());
        assertEquals(ExitCode.MISMATCH, ohttpLate.exitCode(), ohttpLate.out() + ohttpLate.err());
    }

    @Test
    void anUnknownTeeOrAnUnreachableRegistryCannotBeChecked() throws Exception {
        Path signed = response("any.json", chainTime() + 1);
        Path otherRegistry = profile(anvil.rpcUrl(), TEERegistryOhttp.deploy(session.web3j(),
                session.transactionManager(), session.gasProvider()).send().getContractAddress());
        CliTestRun unknown = CliTestRun.of("check-response", signed.toString(), "--network", otherRegistry.toString());
        assertEquals(ExitCode.UNVERIFIED, unknown.exitCode(), unknown.out() + unknown.err());
        assertTrue(unknown.out().contains("reason    key: unknown TEE"), unknown.out());

        Path down = profile("http://127.0.0.1:9", demo.teeRegistry().getContractAddress());
        CliTestRun unreachable = CliTestRun.of("check-response", signed.toString(), "--network", down.toString());
        assertEquals(ExitCode.UNVERIFIED, unreachable.exitCode(), unreachable.out() + unreachable.err());
        assertTrue(unreachable.out().contains("verdict   CANNOT_CHECK"), unreachable.out());
        assertTrue(unreachable.out().contains("the TEE registry of network anvil-test cannot be read"),
                unreachable.out());

        Path noRegistry = dir.resolve("no-registry.json");
        Files.writeString(noRegistry, "{\"name\":\"anvil-test\",\"chainId\":31337,\"rpc\":[\"" + anvil.rpcUrl()
                + "\"]}");
        CliTestRun none = CliTestRun.of("check-response", signed.toString(), "--network", noRegistry.toString());
        assertEquals(ExitCode.UNVERIFIED, none.exitCode(), none.out() + none.err());
        assertTrue(none.out().contains("names no TEE registry contract"), none.out());
    }

    private void advance(long seconds) throws IOException {
        HttpService rpc = new HttpService(anvil.rpcUrl());
        new Request<>("evm_increaseTime", List.of(seconds), rpc, AnvilAnswer.class).send();
        new Request<>("evm_mine", List.of(), rpc, AnvilAnswer.class).send();
    }

    public static final class AnvilAnswer extends Response<Object> {
    }

    private long chainTime() throws IOException {
        return session.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact();
    }

    private Path profile(String rpc, String registry) throws IOException {
        Path file = dir.resolve("profile-" + registry.substring(2, 10) + "-" + rpc.hashCode() + ".json");
        Files.writeString(file, "{\"name\":\"anvil-test\",\"chainId\":31337,\"rpc\":[\"" + rpc + "\"],"
                + "\"contracts\":{\"registry\":[\"" + registry + "\"]}}");
        return file;
    }

    /** A current-format chat completion signed by the test TEE at {@code ts}. */
    private Path response(String name, long ts) throws Exception {
        String content = "The answer is 42.";
        byte[] in = Hash.sha3("{\"messages\":[]}".getBytes(StandardCharsets.UTF_8));
        byte[] out = Hash.sha3(content.getBytes(StandardCharsets.UTF_8));
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
        Path file = dir.resolve(name);
        Files.write(file, JSON.writeValueAsBytes(body));
        return file;
    }
}
