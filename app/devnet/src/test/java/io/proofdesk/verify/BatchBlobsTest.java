package io.proofdesk.verify;

import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.node.BlobStoreClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leaves of a batch share one fetch and one parse of its blob from a real blob store on 127.0.0.1. */
class BatchBlobsTest {

    private static final String TX = "0x" + "12".repeat(32);

    private BlobStoreService store;
    private final AtomicInteger fetches = new AtomicInteger();
    private BlobSource counted;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        store = new BlobStoreService(dir).start();
        BlobStoreClient client = new BlobStoreClient(store.baseUrl());
        counted = id -> {
            fetches.incrementAndGet();
            return client.fetch(id);
        };
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static byte[] treeDump(int leaves) {
        List<TeeSettlementLeaf> values = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            values.add(new TeeSettlementLeaf(filled(i), filled(i + 1), filled(i + 2), new byte[] {(byte) i},
                    BigInteger.valueOf(1_700_000_000L + i)));
        }
        return StandardMerkleTree.ofSettlements(values).dump().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private RecordEvidence leaf(int leaf, String blobId, BatchBlobs batches) {
        Inference r = new Inference(RecordId.parse(TX + ":0#" + leaf), InferenceMode.TEE, "model", null, null, null,
                SettlementKind.BATCH, 1, Instant.ofEpochSecond(1), null, null, null, Bytes.empty(), blobId, null,
                List.of(), null, null, null);
        return new RecordEvidence(new StoredFacts(r, Optional.empty(), List.of(), null, Optional.empty(),
                Optional.empty(), List.of()), counted, batches);
    }

    @Test
    @DisplayName("40 leaves of one batch: one fetch, one parsed tree for all")
    void leavesShareOneFetch() throws Exception {
        String id = store.put(treeDump(40));
        BatchBlobs batches = new BatchBlobs();
        BatchBlob first = ((Fetched.Ok<BatchBlob>) leaf(0, id, batches).batch()).value();
        assertEquals(40, first.tree().size());
        for (int i = 1; i < 40; i++) {
            RecordEvidence e = leaf(i, id, batches);
            assertSame(first, ((Fetched.Ok<BatchBlob>) e.batch()).value());
            assertSame(e.batch(), e.batch(), "one record's checks read the same answer");
        }
        assertEquals(1, fetches.get());
    }

    @Test
    @DisplayName("without a run's batch blobs each record fetches its own, as before")
    void withoutSharingEachRecordFetches() throws Exception {
        String id = store.put(treeDump(4));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Fetched.Ok.class, leaf(i, id, null).batch());
        }
        assertEquals(4, fetches.get());
    }

    @Test
    @DisplayName("an absent blob (UNVERIFIED) and a blob that is no tree dump (FAIL) are answers, kept for the run")
    void absentAndMalformedAreKept() throws Exception {
        BatchBlobs batches = new BatchBlobs();
        String missing = BlobStoreService.idOf("never stored".getBytes(StandardCharsets.UTF_8));
        String junk = store.put("{\"format\":\"standard-v1\"}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            Fetched<BatchBlob> absent = leaf(i, missing, batches).batch();
            assertEquals(CheckStatus.UNVERIFIED, ((Fetched.Failed<BatchBlob>) absent).status());
            Fetched<BatchBlob> bad = leaf(i, junk, batches).batch();
            assertEquals(CheckStatus.FAIL, ((Fetched.Failed<BatchBlob>) bad).status());
            assertTrue(((Fetched.Failed<BatchBlob>) bad).reason().contains("batch blob " + junk), bad.toString());
        }
        assertEquals(2, fetches.get());
    }

    @Test
    @DisplayName("a blob store that cannot be reached is an ERROR for each leaf, and is asked again by the next")
    void unreachableIsNotKept() throws Exception {
        String id = store.put(treeDump(4));
        BatchBlobs batches = new BatchBlobs();
        store.close();
        for (int i = 0; i < 3; i++) {
            Fetched<BatchBlob> down = leaf(i, id, batches).batch();
            assertEquals(CheckStatus.ERROR, ((Fetched.Failed<BatchBlob>) down).status());
        }
        assertEquals(3, fetches.get());
        assertEquals(0, batches.size());
    }
}
