package io.proofdesk.chain.sync;

import io.proofdesk.chain.proof.SignedTransaction;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work a sync starts before a chunk is proved (calldata decodes, blob downloads) is used only for what the proofs
 * then prove: an early decode only for the proved recipient and calldata, blobs started later join the first ones.
 */
class EarlyWorkTest {

    private static final String INFERENCE = "0x00000000000000000000000000000000000000aa";

    private static SignedTransaction proved(String to, String input) {
        return new SignedTransaction(2, "0x" + "11".repeat(32), Optional.ofNullable(to),
                java.util.HexFormat.of().parseHex(input.substring(2)), BigInteger.ZERO, BigInteger.ONE);
    }

    @Test
    void anEarlyDecodeIsUsedOnlyForTheProvedRecipientAndCalldata() {
        var early = new OnchainRecordReader.EarlyCall(INFERENCE.toUpperCase().replace("0X", "0x"),
                java.util.HexFormat.of().parseHex("abcdef"), CompletableFuture.completedFuture(List.of()));
        assertTrue(early.decodes(proved(INFERENCE, "0xABCDEF"), INFERENCE), "same call, other hex case");
        assertFalse(early.decodes(proved(INFERENCE, "0xabcdee"), INFERENCE), "proved calldata differs");
        assertFalse(early.decodes(proved(INFERENCE, "0xabcdef00"), INFERENCE), "proved calldata is longer");
        assertFalse(early.decodes(proved("0x00000000000000000000000000000000000000bb", "0xabcdef"), INFERENCE),
                "proved recipient differs");
        assertFalse(early.decodes(proved(INFERENCE, "0xabcdef"), "0x00000000000000000000000000000000000000bb"),
                "the log is of another inference contract");
        assertFalse(early.decodes(proved(null, "0xabcdef"), INFERENCE), "contract creation");
        assertFalse(early.decodes(proved(INFERENCE, "0x"), INFERENCE), "no calldata");
    }

    @Test
    void blobsStartedLaterJoinTheFirstOnesOnce() {
        try (SyncBlobReader reader = new SyncBlobReader(null, new OkHttpClient(), 2)) {
            SyncBlobReader.Pending first = reader.start(List.of("a", "b"));
            SyncBlobReader.Pending both = first.with(List.of("b", "c"));
            assertSame(first.fetchOf("b"), both.fetchOf("b"), "b is not fetched twice");
            Map<String, BlobFetch> all = both.await();
            assertEquals(List.of("a", "b", "c"), List.copyOf(all.keySet()));
            assertTrue(all.values().stream().allMatch(f -> f instanceof BlobFetch.Failed failed
                    && failed.reason().equals("no blob store configured")));
            assertEquals(List.of("a", "b"), List.copyOf(first.await().keySet()), "the first fetches stay as they were");
        }
    }
}
