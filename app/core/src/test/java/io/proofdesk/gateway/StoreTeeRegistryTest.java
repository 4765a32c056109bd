package io.proofdesk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --data-dir: the key and status of the TEE come from a real SQLite store as sync fills it. */
class StoreTeeRegistryTest {

    private static final GatewayTestSigner TEE = GatewayTestSigner.generate();
    private static final long TS = 1_775_000_000L;
    private static final Instant SIGNED = Instant.ofEpochSecond(TS);
    private static final JsonNode REQUEST = GatewayTestSigner.read(
            "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

    @TempDir
    Path dir;

    @Test
    void aTeeRegisteredAndEnabledWhenItSignedIsValid() {
        store(TEE.teeId(), TEE.publicKey().getEncoded(), true,
                event(1, TeeEventKind.REGISTERED, SIGNED.minusSeconds(3600)));
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.VALID, r.verdict(), r.reasons().toString());
        assertTrue(r.key().text().contains("registered and enabled when the response was signed"), r.key().text());
    }

    @Test
    void aTeeDisabledBeforeItSignedIsInvalidAndOneDisabledLaterIsNot() {
        store(TEE.teeId(), TEE.publicKey().getEncoded(), false,
                event(1, TeeEventKind.REGISTERED, SIGNED.minusSeconds(3600)),
                event(2, TeeEventKind.DISABLED, SIGNED.minusSeconds(60)));
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertTrue(r.reasons().getFirst().contains("was disabled when the response was signed"), r.reasons().toString());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());

        GatewayCheckResult earlier = check(TEE.chat(REQUEST, "Hello", TS - 600), null);
        assertEquals(GatewayVerdict.VALID, earlier.verdict(), earlier.reasons().toString());
        assertTrue(earlier.key().text().contains("disabled since"), earlier.key().text());
    }

    @Test
    void withoutTimedHistoryTheStoresCurrentFlagDecidesAndTheLineSaysSo() {
        store(TEE.teeId(), TEE.publicKey().getEncoded(), false);
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertTrue(r.key().text().contains("is disabled in the registry (as of the store's last sync)"), r.key().text());
    }

    @Test
    void aTeeTheStoreDoesNotKnowCannotBeChecked() {
        store("0x" + "11".repeat(32), GatewayTestSigner.generate().publicKey().getEncoded(), true);
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.CANNOT_CHECK, r.verdict());
        assertTrue(r.reasons().getFirst().startsWith("key: unknown TEE " + TEE.teeId()), r.reasons().toString());
        assertTrue(r.reasons().contains("signature: no key to check against"), r.reasons().toString());
    }

    @Test
    void aRegistryKeyThatIsNotTheTeesIsInvalid() {
        store(TEE.teeId(), GatewayTestSigner.generate().publicKey().getEncoded(), true);
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertTrue(r.key().text().contains("does not hash to that id"), r.key().text());
    }

    @Test
    void aFolderWithoutAStoreCannotBeChecked() {
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello", TS), null);
        assertEquals(GatewayVerdict.CANNOT_CHECK, r.verdict());
        assertTrue(r.key().text().startsWith("there is no store in " + dir), r.key().text());
    }

    @Test
    void aLegacyResponseNamesNoTeeSoTheTeeIdIsGiven() {
        store(TEE.teeId(), TEE.publicKey().getEncoded(), true,
                event(1, TeeEventKind.REGISTERED, Instant.parse("2026-01-01T00:00:00Z")));
        JsonNode legacy = TEE.legacyBody(REQUEST, "Hello", "2026-01-10T10:00:00+00:00");
        GatewayCheckResult unnamed = check(legacy, null);
        assertEquals(GatewayVerdict.CANNOT_CHECK, unnamed.verdict());
        assertTrue(unnamed.key().text().contains("names no TEE"), unnamed.key().text());
        GatewayCheckResult named = check(legacy, TEE.teeId());
        assertEquals(GatewayVerdict.VALID, named.verdict(), named.reasons().toString());
    }

    private GatewayCheckResult check(JsonNode body, String teeId) {
        return new GatewayResponseChecker(new GatewayKeySource.Registry(StoreTeeRegistry.in(new DataDirectory(dir))),
                teeId).check(GatewayTestSigner.bytes(body), "r.json", null, null);
    }

    private void store(String teeId, byte[] der, boolean enabled, TeeEvent... events) {
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> {
                tx.tees().upsert(new Tee(teeId, "0x" + "00".repeat(20), null, "https://tee.example", Bytes.of(der),
                        Bytes.empty(), "0x" + "22".repeat(32), 0, enabled, null, null));
                List<TeeEvent> withId = new ArrayList<>();
                for (TeeEvent e : events) {
                    withId.add(new TeeEvent(e.blockNumber(), 0, e.txHash(), e.kind(), teeId, null, null, null,
                            e.timestamp()));
                }
                tx.teeEvents().insertAll(withId);
            });
        }
    }

    private static TeeEvent event(long block, TeeEventKind kind, Instant at) {
        return new TeeEvent(block, 0, "0x" + String.format("%064x", block), kind, "0x" + "00".repeat(32), null, null,
                null, at);
    }
}
