package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworksCommandTest {

    @Test
    void listsTheDemoAndOpenGradientsDevnetWithEveryRegistryByEra() {
        CliTestRun run = CliTestRun.of("networks");
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("demo\n"), run.out());
        assertTrue(run.out().contains("opengradient-devnet\n"), run.out());
        assertTrue(run.out().contains("chain       10740, headers cosmos-evm"), run.out());
        assertTrue(run.out().contains("rpc         https://ogevmdevnet.opengradient.ai"), run.out());
        assertTrue(run.out().contains("inference   0x8383c9bd7462f12eb996dd02f78234c0421a6fae"), run.out());
        for (String registry : new String[] {"0x3d641a2791533b4a0000345ea8d509d01e1ec301",
                "0x4e72238852f3c918f4E4e57AeC9280dDB0c80248", "0x703cB174AEadB35D611858369B4b1111dC9Abda6"}) {
            assertTrue(run.out().contains(registry), registry + " in\n" + run.out());
        }
    }

    @Test
    void jsonHasAProfilePerNetworkAndNullForTheDemo() throws Exception {
        CliTestRun run = CliTestRun.of("networks", "--json");
        JsonNode all = new ObjectMapper().readTree(run.out());
        assertEquals(2, all.size());
        assertEquals("demo", all.get(0).get("name").asText());
        assertTrue(all.get(0).get("profile").isNull());
        JsonNode og = all.get(1).get("profile");
        assertEquals(10740, og.get("chainId").asLong());
        assertEquals("cosmos-evm", og.get("headerFormat").asText());
        assertEquals("0x00000000000000000000000000000000000000f4", og.get("contracts").get("precompile").get(0).asText());
        assertTrue(all.get(1).get("history").size() >= 4);
    }

    @Test
    void anUnknownNetworkIsBadInputNamingTheKnownOnes() {
        CliTestRun run = CliTestRun.of("verify", "--all", "--network", "nowhere", "--data-dir",
                System.getProperty("java.io.tmpdir") + "/proofdesk-networks-test-" + ProcessHandle.current().pid());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("demo, opengradient-devnet"), run.err());
    }
}
