package io.proofdesk.devnet.seed;

import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.TEERegistry;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.devnet.node.NodeIdentity;
import io.proofdesk.devnet.tee.DemoMeasurements;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the registry history an auditor replays: the Nitro TEE type, the approved enclave image, every node's
 * registration (with its attestation document in calldata) and a heartbeat each. The UNAPPROVED_PCR node runs an
 * image that is approved only long enough to register it and then revoked — which disables it — so its later
 * records come from a TEE whose PCR set is not approved at their block.
 */
final class RegistrySeeder {

    static final BigInteger NITRO = BigInteger.ONE;

    private final DevnetContracts contracts;
    private final Web3j web3j;
    private final String paymentAddress;

    RegistrySeeder(DevnetContracts contracts, Web3j web3j, String paymentAddress) {
        this.contracts = contracts;
        this.web3j = web3j;
        this.paymentAddress = paymentAddress;
    }

    void seed(DemoMeasurements approved, DemoMeasurements unapproved, List<DemoNode> nodes) throws Exception {
        TEERegistry registry = contracts.teeRegistry();
        registry.addTEEType(NITRO, "aws-nitro").send();
        registry.approvePCR(pcrs(approved), "demo-enclave-1.0", NITRO).send();
        registry.approvePCR(pcrs(unapproved), "demo-enclave-0.9-rogue", NITRO).send();
        for (DemoNode node : nodes) {
            NodeIdentity id = node.service().identity();
            DemoMeasurements image = node.service().behaviour() == NodeBehaviour.UNAPPROVED_PCR ? unapproved : approved;
            byte[] document = id.attestation().document(HexFormat.of().parseHex("00"), Instant.now());
            registry.registerTEE(document, id.registeredKey().publicKeyDer(), id.tls().der(), paymentAddress,
                    node.url(), NITRO, image.pcrHash()).send();
        }
        registry.revokePCR(unapproved.pcrHash(), NITRO).send();
        BigInteger now = latestBlockTime();
        for (DemoNode node : nodes) {
            if (node.service().behaviour() == NodeBehaviour.UNAPPROVED_PCR) {
                continue; // disabled by the revocation; the registry refuses its heartbeats
            }
            NodeIdentity id = node.service().identity();
            registry.heartbeat(id.registeredKey().teeId().bytes(), now, id.registeredKey().signHeartbeat(now)).send();
        }
    }

    private BigInteger latestBlockTime() throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
    }

    private static TEERegistry.PCRMeasurements pcrs(DemoMeasurements m) {
        return new TEERegistry.PCRMeasurements(m.pcr0(), m.pcr1(), m.pcr2());
    }
}
