package io.proofdesk.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;

class ChainDeployerTest {
    @TempDir
    Path tmp;

    @Test
    void deploysFourContractsAndPersistedStateSurvivesARestart() throws Exception {
        AnvilOptions options = AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), tmp).withPersistedState();
        Map<String, String> addresses;
        try (AnvilProcess anvil = AnvilProcess.start(options);
                ChainSession session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer())) {
            DevnetContracts contracts = new ChainDeployer(session).deployAll();
            addresses = contracts.addresses();
            assertEquals(4, new HashSet<>(addresses.values()).size(), addresses::toString);
            assertEquals(DevAccounts.deployer().getAddress(), contracts.teeRegistry().admin().send().toLowerCase());
            assertEquals(DevAccounts.deployer().getAddress(), contracts.settlementRelay().admin().send().toLowerCase());
        }
        assertTrue(Files.size(options.stateFile()) > 0, "anvil dumps its state on SIGTERM");

        try (AnvilProcess anvil = AnvilProcess.start(options);
                ChainSession session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer())) {
            for (var entry : addresses.entrySet()) {
                String code = session.web3j().ethGetCode(entry.getValue(), DefaultBlockParameterName.LATEST).send().getCode();
                assertTrue(code.length() > 2, entry.getKey() + " has no code after restart");
            }
            DevnetContracts reloaded = DevnetContracts.load(session, addresses.get("TEERegistry"),
                    addresses.get("InferenceSettlementRelay"), addresses.get("Inference"), addresses.get("InferenceJsons"));
            assertEquals(addresses, reloaded.addresses());
            assertEquals(java.math.BigInteger.valueOf(1800), reloaded.teeRegistry().heartbeatMaxAge().send());
        }
    }
}
