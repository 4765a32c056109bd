package io.proofdesk.ui.network;

import io.proofdesk.ui.AppWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFormTest {

    private static final String REGISTRY = "0x" + "AB".repeat(20);
    private final NetworkForm form = new NetworkForm(ResourceBundle.getBundle(AppWiring.STRINGS));

    private static NetworkDraft custom(String rpc, String hub, String chainId) {
        return new NetworkDraft(NetworkMode.CUSTOM, "2000", rpc, hub, "", "", REGISTRY, "", "", chainId);
    }

    @Test
    void aGoodCustomDraftBecomesAConfiguration() {
        NetworkForm.Result r = form.validate(custom(" https://rpc.example.org \n\nhttp://127.0.0.1:8545\n",
                "https://hub.example.org/", "10744"), NetworkConfig.FIRST_RUN);
        assertTrue(r.ok(), r.problems().toString());
        CustomNetwork c = r.config().custom();
        assertEquals(List.of("https://rpc.example.org", "http://127.0.0.1:8545"), c.rpcUrls());
        assertEquals("https://hub.example.org/", c.hubUrl());
        assertNull(c.blobStoreUrl());
        assertEquals(REGISTRY.toLowerCase(), c.teeRegistry());
        assertEquals(10744L, c.chainId());
    }

    @ParameterizedTest(name = "hub URL {0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://hub.example.org|Model hub URL: “ftp://hub.example.org” uses ftp; only http:// and https:// are supported.",
            "hub.example.org|Model hub URL: “hub.example.org” has no scheme; start it with http:// or https://.",
            "http://|Model hub URL: “http://” is not a URL (Expected authority at character 8).",
            "https:///models|Model hub URL: “https:///models” has no host name.",
            "http://bob:secret@hub.example.org|Model hub URL: “http://bob:secret@hub.example.org” contains a user name or password; Proofdesk does not store credentials in URLs.",
            "http://hub example.org|Model hub URL: “http://hub example.org” is not a URL (Illegal character in authority at character 11).",
    })
    void badUrlsSayWhatIsWrongAndWhere(String url, String sentence) {
        NetworkForm.Result r = form.validate(custom("http://127.0.0.1:8545", url, ""), NetworkConfig.FIRST_RUN);
        assertEquals(List.of(new NetworkForm.Problem(NetworkField.HUB_URL, sentence)), r.problems());
        assertNull(r.config());
    }

    @Test
    void eachBadRpcUrlIsNamedByItsLine() {
        NetworkForm.Result r = form.validate(custom("https://rpc.example.org\nws://rpc.example.org",
                "", ""), NetworkConfig.FIRST_RUN);
        assertEquals(List.of("RPC URL 2: “ws://rpc.example.org” uses ws; only http:// and https:// are supported."),
                r.problems().stream().map(NetworkForm.Problem::sentence).toList());
    }

    @Test
    void missingRpcBadAddressAndBadChainIdAreAllListed() {
        NetworkDraft d = new NetworkDraft(NetworkMode.CUSTOM, "2000", "  ", "", "", "", "0x1234", "", "", "-5");
        List<NetworkForm.Problem> problems = form.validate(d, NetworkConfig.FIRST_RUN).problems();
        assertEquals(List.of(
                new NetworkForm.Problem(NetworkField.RPC_URLS, "RPC URLs: give at least one JSON-RPC endpoint, one per line."),
                new NetworkForm.Problem(NetworkField.TEE_REGISTRY,
                        "TEERegistry address: “0x1234” is not a contract address (0x followed by 40 hex digits)."),
                new NetworkForm.Problem(NetworkField.CHAIN_ID,
                        "Expected chain id: “-5” is not a positive whole number.")), problems);
    }

    @Test
    void theDemoIgnoresHalfTypedCustomEndpointsAndKeepsTheSavedOnes() {
        NetworkConfig saved = new NetworkConfig(NetworkMode.CUSTOM, 2000, new CustomNetwork(List.of("https://a.example"),
                null, null, null, REGISTRY.toLowerCase(), null, null, null));
        NetworkDraft d = new NetworkDraft(NetworkMode.DEMO, "60", "ftp://half", "", "", "", "", "", "", "");
        NetworkForm.Result r = form.validate(d, saved);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(NetworkMode.DEMO, r.config().mode());
        assertEquals(60, r.config().demoInferences());
        assertEquals(saved.custom(), r.config().custom());
    }

    @ParameterizedTest(name = "demo size {0}")
    @CsvSource({"0", "many", "100001"})
    void aDemoSizeOutOfRangeIsRefused(String size) {
        NetworkDraft d = new NetworkDraft(NetworkMode.DEMO, size, "", "", "", "", "", "", "", "");
        assertEquals(List.of(new NetworkForm.Problem(NetworkField.DEMO_SIZE, "Demo size: “" + size
                + "” is not a whole number from 1 to 100,000.")), form.validate(d, NetworkConfig.FIRST_RUN).problems());
    }
}
