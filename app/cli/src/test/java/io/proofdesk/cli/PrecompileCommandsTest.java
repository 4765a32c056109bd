package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.contracts.DemoInferencePrecompile;
import io.proofdesk.devnet.nodeapi.NodeApiService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `proofdesk sync --contracts precompile=0x...f4 --node-api URL` against anvil with a stand-in precompile and the demo
 * node API, then `proofdesk inference ID --json`: the output the node API gave, its jsons document parsed, and the
 * evidence saying where the output came from; without --node-api the sync says the results are not fetched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrecompileCommandsTest {

    private static final String PRECOMPILE = "0x00000000000000000000000000000000000000f4";

    private Path dir;
    private AnvilProcess anvil;
    private ChainSession session;
    private NodeApiService nodeApi;
    private String recordId;

    @BeforeAll
    void network(@TempDir Path tmp) throws Exception {
        dir = tmp;
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), tmp.resolve("anvil")));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        nodeApi = new NodeApiService().start();
        DemoInferencePrecompile deployed = DemoInferencePrecompile.deploy(session.web3j(),
                session.transactionManager(), session.gasProvider()).send();
        String code = session.web3j().ethGetCode(deployed.getContractAddress(), DefaultBlockParameterName.LATEST)
                .send().getCode();
        new Request<>("anvil_setCode", List.of(PRECOMPILE, code), new HttpService(anvil.rpcUrl()), VoidResponse.class)
                .send();
        DemoInferencePrecompile precompile = DemoInferencePrecompile.load(PRECOMPILE, session.web3j(),
                session.transactionManager(), session.gasProvider());
        TransactionReceipt r = precompile.emitInference("og-cli-1", new DemoInferencePrecompile.ModelInferenceRequest(
                BigInteger.TWO, "QmNotInTheHub", new DemoInferencePrecompile.ModelInput(List.of(
                        new DemoInferencePrecompile.NumberTensor("x", List.of(new DemoInferencePrecompile.Number(
                                BigInteger.valueOf(15), BigInteger.ONE)), List.of(BigInteger.ONE))), List.of())),
                new DemoInferencePrecompile.ModelOutput(List.of(), List.of(), List.of(), false)).send();
        recordId = r.getTransactionHash().toLowerCase(Locale.ROOT) + ":" + r.getLogs().getFirst().getLogIndex();
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        ObjectNode y = out.putArray("numbers").addObject();
        y.put("name", "y");
        y.putArray("values").addObject().put("value", "-7").put("decimals", "-2");
        y.putArray("shape").add(1);
        out.putArray("jsons").addObject().put("name", "meta").put("value", "{\"ok\": true, \"n\": [1, 2]}");
        nodeApi.putTee("og-cli-1", out);
    }

    @AfterAll
    void stop() {
        nodeApi.close();
        session.close();
        anvil.close();
    }

    @Test
    void syncedThroughTheNodeApiAndPrintedWhole() throws Exception {
        String data = dir.resolve("data").toString();
        CliTestRun sync = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", "precompile=" + PRECOMPILE,
                "--node-api", nodeApi.baseUrl(), "--data-dir", data);
        assertEquals(0, sync.exitCode(), sync.out() + sync.err());
        assertTrue(sync.out().contains("1 records stored"), sync.out());
        assertTrue(!sync.out().contains("not fetched"), sync.out());

        CliTestRun one = CliTestRun.of("inference", recordId, "--json", "--data-dir", data);
        assertEquals(0, one.exitCode(), one.err());
        JsonNode r = new ObjectMapper().readTree(one.out());
        assertEquals("TEE", r.get("mode").asText());
        assertEquals("TRUSTED", r.get("evidence").asText());
        assertTrue(r.get("evidenceDetail").asText().contains("output: the node API's answer (" + nodeApi.baseUrl()
                + "/artela-network/artela-rollkit/inference/tx/og-cli-1), not on chain"), one.out());
        JsonNode outputs = r.get("outputs");
        assertEquals("y", outputs.get(0).get("name").asText());
        assertEquals("-700", outputs.get(0).get("values").get(0).asText(), "(-7, decimals -2) is -700");
        JsonNode meta = outputs.get(2);
        assertEquals("meta", meta.get("name").asText());
        assertEquals("JSON", meta.get("type").asText());
        assertEquals(new ObjectMapper().readTree("{\"ok\": true, \"n\": [1, 2]}"), meta.get("values").get(0));

        // without a node API the precompile is still read, and the sync says what it cannot fetch
        String bare = dir.resolve("bare").toString();
        CliTestRun without = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", "precompile=" + PRECOMPILE,
                "--data-dir", bare);
        assertEquals(0, without.exitCode(), without.out() + without.err());
        assertTrue(without.out().contains("results it ran asynchronously are not fetched: the network names no node "
                + "API (profile key nodeApi)"), without.out());
        JsonNode stored = new ObjectMapper().readTree(CliTestRun.of("inference", recordId, "--json", "--data-dir",
                bare).out());
        assertEquals(0, stored.get("outputs").size());
        assertTrue(stored.get("syncNote").asText().contains("no node API is configured"), stored.toString());

        CliTestRun badUrl = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", "precompile=" + PRECOMPILE,
                "--node-api", "ftp://x", "--data-dir", dir.resolve("bad").toString());
        assertEquals(ExitCode.BAD_INPUT, badUrl.exitCode());
        assertTrue(badUrl.err().contains("--node-api: \u201cftp://x\u201d uses ftp"), badUrl.err());
    }
}
