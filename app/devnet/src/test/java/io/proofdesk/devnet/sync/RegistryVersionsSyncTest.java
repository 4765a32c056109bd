package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.devnet.contracts.TEERegistryFeb2026;
import io.proofdesk.devnet.contracts.TEERegistryOhttp;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sync on anvil of registries in the shapes of OpenGradient's other TEERegistry versions (RegistryVersions.sol):
 * the Feb 2026 one (TEEActivated/TEEDeactivated, PCRApproved without a TEE type, PCRRevoked with a grace period,
 * TEERemoved, `active` in a ten-field getTEE) and the newest (getTEE with the ohttpConfig tuple). Each event is stored
 * as what it means, and each TEE's entry is read from getTEE in its own layout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryVersionsSyncTest {

    private static final byte[] KEY1 = "key one, DER in real life".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY2 = "key two".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PCR = Hash.sha3("pcr set".getBytes(StandardCharsets.UTF_8));

    private Path dir;
    private SyncFixture fx;
    private TEERegistryFeb2026 feb;
    private TEERegistryOhttp ohttp;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        var s = fx.session;
        feb = TEERegistryFeb2026.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        feb.approvePCR(PCR, "v0.9").send();
        feb.registerTEE(KEY1, "https://tee-one:443", PCR, BigInteger.ONE).send();
        feb.heartbeat(Hash.sha3(KEY1), BigInteger.valueOf(1_770_000_000L)).send();
        feb.deactivateTEE(Hash.sha3(KEY1)).send();
        feb.activateTEE(Hash.sha3(KEY1)).send();
        feb.registerTEE(KEY2, "https://tee-two:443", PCR, BigInteger.ONE).send();
        feb.removeTEE(Hash.sha3(KEY2)).send();
        feb.revokePCR(PCR, BigInteger.valueOf(3600)).send();

        ohttp = TEERegistryOhttp.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        ohttp.approvePCR(PCR, BigInteger.TWO, "v2").send();
        ohttp.registerTEE(KEY1, "https://tee-ohttp:443", PCR, BigInteger.TWO).send();
        ohttp.disableTEE(Hash.sha3(KEY1)).send();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private SyncConfig config(String registry) {
        SyncConfig c = fx.config();
        return new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(registry, null, null, null),
                c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(), c.fromBlock(), c.follow(), c.pollMillis(),
                c.keptBlockHashes(), c.limits());
    }

    @Test
    void theFeb2026RegistryIsReadEventByEvent() {
        String id1 = Numeric.toHexString(Hash.sha3(KEY1));
        String id2 = Numeric.toHexString(Hash.sha3(KEY2));
        String pcr = Numeric.toHexString(PCR);
        try (Store store = Store.open(new DataDirectory(dir.resolve("feb")))) {
            SyncSummary summary = new ChainSync(store, config(feb.getContractAddress()), SyncListener.NONE)
                    .run(new SyncControl());
            assertEquals(List.of(), summary.warnings());
            List<TeeEvent> one = store.read(tx -> tx.teeEvents().forTee(id1, Long.MAX_VALUE));
            assertEquals(List.of(TeeEventKind.REGISTERED, TeeEventKind.HEARTBEAT, TeeEventKind.DISABLED,
                    TeeEventKind.ENABLED), one.stream().map(TeeEvent::kind).toList());
            assertEquals(1, one.getFirst().teeType());
            List<TeeEvent> two = store.read(tx -> tx.teeEvents().forTee(id2, Long.MAX_VALUE));
            assertEquals(List.of(TeeEventKind.REGISTERED, TeeEventKind.DISABLED),
                    two.stream().map(TeeEvent::kind).toList()); // TEERemoved: it signs nothing valid any more

            // the entry from a ten-field getTEE whose flag is called `active`
            Tee tee = store.read(tx -> tx.tees().find(id1)).orElseThrow();
            assertTrue(tee.enabled());
            assertEquals("https://tee-one:443", tee.endpoint());
            assertEquals(pcr, tee.pcrHash());
            // removed: the registry answers an empty entry; the one read before is kept for its key, disabled
            store.read(tx -> tx.tees().find(id2)).ifPresent(t -> assertFalse(t.enabled()));

            // approved for every TEE type (the first version had none), then revoked with a grace period
            List<PcrApproval> approvals = store.read(tx -> tx.pcrApprovals().history(pcr));
            assertEquals(1, approvals.size());
            assertEquals(-1, approvals.getFirst().teeType());
            assertEquals("v0.9", approvals.getFirst().version());
            assertNotNull(approvals.getFirst().revokedBlock());
        }
    }

    @Test
    void theNewestRegistrysOhttpEntryIsRead() {
        String id = Numeric.toHexString(Hash.sha3(KEY1));
        try (Store store = Store.open(new DataDirectory(dir.resolve("ohttp")))) {
            SyncSummary summary = new ChainSync(store, config(ohttp.getContractAddress()), SyncListener.NONE)
                    .run(new SyncControl());
            assertEquals(List.of(), summary.warnings());
            Tee tee = store.read(tx -> tx.tees().find(id)).orElseThrow();
            assertFalse(tee.enabled());
            assertEquals(2, tee.teeType());
            assertEquals("https://tee-ohttp:443", tee.endpoint());
            assertEquals(List.of(TeeEventKind.REGISTERED, TeeEventKind.DISABLED), store.read(tx -> tx.teeEvents()
                    .forTee(id, Long.MAX_VALUE)).stream().map(TeeEvent::kind).toList());
            assertEquals(2, store.read(tx -> tx.pcrApprovals().history(Numeric.toHexString(PCR))).getFirst()
                    .teeType());
        }
    }
}
