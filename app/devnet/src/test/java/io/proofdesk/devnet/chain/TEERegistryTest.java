package io.proofdesk.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.chain.contracts.ITEERegistry;
import io.proofdesk.devnet.contracts.TEERegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.utils.Numeric;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TEERegistryTest {
    private static final BigInteger LLM = BigInteger.ZERO;

    private DevChain chain;
    private TEERegistry registry;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        chain = new DevChain(tmp);
        registry = chain.contracts.teeRegistry();
        registry.addTEEType(LLM, "LLMProxy").send();
    }

    @AfterAll
    void stop() {
        chain.close();
    }

    @Test
    void registeredTeeIdIsKeccakOfTheRsaKeyDerAndEveryReadAgrees() throws Exception {
        byte[] der = rsaPublicKeyDer();
        byte[] pcrHash = approve(pcrs("image-a"), "v1.0.0");
        byte[] tlsCert = "demo tls certificate DER".getBytes(StandardCharsets.US_ASCII);

        TransactionReceipt receipt = registry.registerTEE("attestation".getBytes(StandardCharsets.US_ASCII), der,
                tlsCert, DevAccounts.other().getAddress(), "https://127.0.0.1:9001", LLM, pcrHash).send();

        byte[] expectedId = Hash.sha3(der);
        List<Log> logs = chain.logs(registry.getContractAddress(), ITEERegistry.TEEREGISTERED_EVENT, receipt);
        assertEquals(1, logs.size());
        ITEERegistry.TEERegisteredEventResponse event = ITEERegistry.getTEERegisteredEventFromLog(logs.get(0));
        assertArrayEquals(expectedId, event.teeId);
        assertEquals(DevAccounts.deployer().getAddress(), event.owner.toLowerCase());
        assertEquals(LLM, event.teeType);

        assertArrayEquals(expectedId, registry.computeTEEId(der).send());
        TEERegistry.TEEInfo info = registry.getTEE(expectedId).send();
        assertArrayEquals(der, info.publicKey);
        assertArrayEquals(tlsCert, info.tlsCertificate);
        assertArrayEquals(pcrHash, info.pcrHash);
        assertEquals("https://127.0.0.1:9001", info.endpoint);
        assertEquals(DevAccounts.other().getAddress(), info.paymentAddress.toLowerCase());
        assertTrue(info.enabled);
        assertArrayEquals(der, registry.getTEEPublicKey(expectedId).send());
        assertTrue(registry.isTEEEnabled(expectedId).send());
        assertTrue(registry.isTEEActive(expectedId).send());
        assertTrue(ids(registry.getEnabledTEEs(LLM).send()).contains(Numeric.toHexString(expectedId)));
        assertTrue(ids(registry.getTEEsByType(LLM).send()).contains(Numeric.toHexString(expectedId)));
        assertEquals(BigInteger.valueOf(1800), registry.heartbeatMaxAge().send());

        BigInteger now = chain.latestTimestamp();
        TransactionReceipt beat = registry.heartbeat(expectedId, now, new byte[256]).send();
        ITEERegistry.HeartbeatReceivedEventResponse heartbeat = ITEERegistry.getHeartbeatReceivedEventFromLog(
                chain.logs(registry.getContractAddress(), ITEERegistry.HEARTBEATRECEIVED_EVENT, beat).get(0));
        assertArrayEquals(expectedId, heartbeat.teeId);
        assertEquals(now, heartbeat.timestamp);

        assertThrows(TransactionException.class, () -> registry.registerTEE(new byte[0], der, tlsCert,
                DevAccounts.other().getAddress(), "https://again", LLM, pcrHash).send(), "duplicate TEE id");
    }

    @Test
    void pcrHashIsKeccakOfTheThreeConcatenatedPcrs() throws Exception {
        TEERegistry.PCRMeasurements pcrs = pcrs("image-hash");
        byte[] concatenated = new byte[pcrs.pcr0.length + pcrs.pcr1.length + pcrs.pcr2.length];
        System.arraycopy(pcrs.pcr0, 0, concatenated, 0, 48);
        System.arraycopy(pcrs.pcr1, 0, concatenated, 48, 48);
        System.arraycopy(pcrs.pcr2, 0, concatenated, 96, 48);
        assertArrayEquals(Hash.sha3(concatenated), registry.computePCRHash(pcrs).send());
    }

    @Test
    void revokingAPcrSetDisablesTheTeesRunningIt() throws Exception {
        byte[] pcrHash = approve(pcrs("image-b"), "v2.0.0");
        byte[] der = rsaPublicKeyDer();
        byte[] teeId = Hash.sha3(der);
        registry.registerTEE(new byte[0], der, new byte[0], DevAccounts.deployer().getAddress(), "https://b", LLM,
                pcrHash).send();
        assertTrue(registry.isTEEEnabled(teeId).send());
        assertTrue(registry.approvedPCRs(LLM, pcrHash).send().component1());

        TransactionReceipt receipt = registry.revokePCR(pcrHash, LLM).send();

        List<Log> disabled = chain.logs(registry.getContractAddress(), ITEERegistry.TEEDISABLED_EVENT, receipt);
        assertEquals(1, disabled.size());
        assertArrayEquals(teeId, ITEERegistry.getTEEDisabledEventFromLog(disabled.get(0)).teeId);
        List<Log> revoked = chain.logs(registry.getContractAddress(), ITEERegistry.PCRREVOKED_EVENT, receipt);
        assertArrayEquals(pcrHash, ITEERegistry.getPCRRevokedEventFromLog(revoked.get(0)).pcrHash);

        assertFalse(registry.isTEEEnabled(teeId).send());
        assertFalse(registry.isTEEActive(teeId).send());
        assertFalse(ids(registry.getEnabledTEEs(LLM).send()).contains(Numeric.toHexString(teeId)));
        assertTrue(ids(registry.getTEEsByType(LLM).send()).contains(Numeric.toHexString(teeId)), "history keeps it");
        var approved = registry.approvedPCRs(LLM, pcrHash).send();
        assertFalse(approved.component1());
        assertEquals("v2.0.0", approved.component4());
        for (Object key : registry.getActivePCRs().send()) {
            assertFalse(java.util.Arrays.equals(pcrHash, ((TEERegistry.PCRKey) key).pcrHash), "revoked PCR listed");
        }
        assertThrows(TransactionException.class, () -> registry.enableTEE(teeId).send(),
                "a TEE on a revoked PCR set cannot be re-enabled");
    }

    @Test
    void registrationRequiresAnApprovedPcrSet() throws Exception {
        byte[] unapproved = Hash.sha3("never approved".getBytes(StandardCharsets.US_ASCII));
        assertThrows(TransactionException.class, () -> registry.registerTEE(new byte[0], rsaPublicKeyDer(),
                new byte[0], DevAccounts.deployer().getAddress(), "https://c", LLM, unapproved).send());
    }

    private byte[] approve(TEERegistry.PCRMeasurements pcrs, String version) throws Exception {
        TransactionReceipt receipt = registry.approvePCR(pcrs, version, LLM).send();
        ITEERegistry.PCRApprovedEventResponse event = ITEERegistry.getPCRApprovedEventFromLog(
                chain.logs(registry.getContractAddress(), ITEERegistry.PCRAPPROVED_EVENT, receipt).get(0));
        assertEquals(version, event.version);
        assertEquals(LLM, event.teeType);
        return event.pcrHash;
    }

    /** Nitro PCRs are SHA-384 values (48 bytes); these are derived from a label. */
    private static TEERegistry.PCRMeasurements pcrs(String label) {
        return new TEERegistry.PCRMeasurements(pcr(label + "/0"), pcr(label + "/1"), pcr(label + "/2"));
    }

    private static byte[] pcr(String seed) {
        byte[] out = new byte[48];
        byte[] h1 = Hash.sha3(seed.getBytes(StandardCharsets.UTF_8));
        byte[] h2 = Hash.sha3(h1);
        System.arraycopy(h1, 0, out, 0, 32);
        System.arraycopy(h2, 0, out, 32, 16);
        return out;
    }

    private static byte[] rsaPublicKeyDer() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo DER
    }

    @SuppressWarnings("rawtypes")
    private static List<String> ids(List list) {
        return ((List<?>) list).stream().map(o -> Numeric.toHexString((byte[]) o)).toList();
    }
}
