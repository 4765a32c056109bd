package io.proofdesk.verify;

import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSourcesTest {

    private static String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                TrustedRoots.awsNitroRoot().certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private static NetworkProfile network(boolean demo, List<String> roots) {
        return new NetworkProfile("lab", 31337L, List.of("http://127.0.0.1:1"), HeaderFormat.ETHEREUM, null, null,
                null, null, List.of(), NetworkContracts.NONE, 0, roots, demo);
    }

    @Test
    @DisplayName("a real network trusts the AWS root and its own roots, labelled with the network's name")
    void extraRootsAreLabelledWithTheNetwork() throws Exception {
        List<TrustedRoot> roots = NetworkSources.roots(network(false, List.of(pem()))).roots();
        assertEquals(2, roots.size());
        assertEquals(TrustedRoots.AWS_NITRO_LABEL, roots.get(0).label());
        assertTrue(roots.get(1).label().startsWith("Root added for the network lab (CN=aws.nitro-enclaves"),
                roots.get(1).label());
        assertTrue(roots.get(1).label().endsWith("trusted only for that network"), roots.get(1).label());
    }

    @Test
    @DisplayName("the demo network's root is labelled as trusted only for the demo network; no roots: AWS alone")
    void demoRootLabel() throws Exception {
        assertEquals(TrustedRoots.DEMO_LABEL, NetworkSources.roots(network(true, List.of(pem()))).roots().get(1).label());
        assertEquals(List.of(TrustedRoots.AWS_NITRO_LABEL), NetworkSources.roots(network(false, List.of())).roots()
                .stream().map(TrustedRoot::label).toList());
    }

    @Test
    @DisplayName("a root given as a path, no RPC, or an unread header format are refused with a sentence")
    void refused() {
        assertThrows(IllegalArgumentException.class, () -> NetworkSources.roots(network(false, List.of("a.pem"))));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkSources.of(NetworkProfile.EMPTY))
                .getMessage().contains("has no RPC endpoint"));
        NetworkProfile cosmos = new NetworkProfile("og", 10740L, List.of("http://127.0.0.1:1"), HeaderFormat.COSMOS_EVM,
                null, null, null, null, List.of(), NetworkContracts.NONE, 0, List.of(), false);
        // a cosmos-evm network is verified from its endpoint like any other (its records' evidence says how firmly)
        assertTrue(NetworkSources.of(cosmos).chain() != null);
    }

    @Test
    @DisplayName("a network without a blob store or file store: fetching says which one is missing")
    void missingStores() {
        VerificationSources s = NetworkSources.of(network(false, List.of()));
        assertEquals("lab has no blob store configured",
                assertThrows(IOException.class, () -> s.blobs().blob("abc")).getMessage());
        assertEquals("lab has no file store or model hub configured",
                assertThrows(IOException.class, () -> s.models().model("Qm")).getMessage());
    }
}
