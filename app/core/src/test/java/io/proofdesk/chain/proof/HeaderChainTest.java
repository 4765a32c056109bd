package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three consecutive mainnet Cancun blocks, 20013090..20013092, linked to checkpoints by parent hash. */
class HeaderChainTest {
    private static final String H90 = "0xb5f712d1c6eab970b927eac6e3f1704f297d4acfc860f2b243f61e1771aab3ff";
    private static final String H92 = "0x42a0940956d577110c9148ff01f881675affd8dcb6cda4ff9e7cea1b9b1de510";

    private static EthHeader header(long n) {
        return EthHeader.fromJson(MainnetBlocks.load("mainnet-" + n + "-cancun.json")).requireClaimedHash();
    }

    private static HeaderChain chainWith(Checkpoint... checkpoints) {
        HeaderChain chain = new HeaderChain(List.of(checkpoints));
        // added out of order on purpose: links are checked against whichever neighbour is already held
        chain.add(header(20013092));
        chain.add(header(20013090));
        chain.add(header(20013091));
        return chain;
    }

    @Test
    void aRangeBelowACheckpointIsItsAncestor() {
        HeaderChain chain = chainWith(new Checkpoint(20013092, H92));
        HeaderLink link = chain.linkRange(20013090, 20013092);
        assertTrue(link.canonical());
        assertEquals(HeaderLink.Direction.ANCESTOR_OF_CHECKPOINT, link.direction());
        assertEquals(2, chain.link(20013090).orElseThrow().distance());
        assertEquals("block 20013090 is 2 blocks below checkpoint 20013092:" + H92,
                chain.link(20013090).orElseThrow().describe());
        assertEquals("block 20013092 is checkpoint 20013092:" + H92, chain.link(20013092).orElseThrow().describe());
    }

    @Test
    void aRangeAboveACheckpointOnlyDescendsFromIt() {
        HeaderChain chain = chainWith(new Checkpoint(20013090, H90));
        HeaderLink link = chain.linkRange(20013091, 20013092);
        assertFalse(link.canonical());
        assertEquals(HeaderLink.Direction.DESCENDANT_OF_CHECKPOINT, link.direction());
        assertEquals(2, link.distance());
    }

    @Test
    void aCheckpointInsideTheRangeGivesTheWeakerLinkOfItsTop() {
        HeaderChain chain = chainWith(new Checkpoint(20013091, header(20013091).hashHex()));
        assertEquals(HeaderLink.Direction.DESCENDANT_OF_CHECKPOINT, chain.linkRange(20013090, 20013092).direction());
        assertTrue(chain.linkRange(20013090, 20013091).canonical());
    }

    @Test
    void aHeaderContradictingACheckpointIsRefused() {
        String other = "0x" + "11".repeat(32);
        HeaderChain chain = new HeaderChain(List.of(new Checkpoint(20013092, other)));
        HeaderLinkException e = assertThrows(HeaderLinkException.class, () -> chain.add(header(20013092)));
        assertEquals("block 20013092 hashes to " + H92 + " but checkpoint 20013092:" + other
                + " says otherwise: the endpoint serves another chain", e.getMessage());
    }

    @Test
    void aHeaderThatDoesNotNameItsParentIsRefused() {
        HeaderChain chain = new HeaderChain(List.of());
        chain.add(header(20013090));
        ObjectNode forged = (ObjectNode) MainnetBlocks.load("mainnet-20013091-cancun.json");
        forged.put("parentHash", "0x" + "22".repeat(32));
        HeaderLinkException e = assertThrows(HeaderLinkException.class, () -> chain.add(EthHeader.fromJson(forged)));
        assertEquals("block 20013091 names parent 0x" + "22".repeat(32) + " but block 20013090 hashes to " + H90,
                e.getMessage());
    }

    @Test
    void aForgedParentIsFoundFromItsChildToo() {
        HeaderChain chain = new HeaderChain(List.of());
        chain.add(header(20013091));
        ObjectNode forged = (ObjectNode) MainnetBlocks.load("mainnet-20013090-cancun.json");
        forged.put("gasUsed", "0x1");
        assertThrows(HeaderLinkException.class, () -> chain.add(EthHeader.fromJson(forged)));
    }

    @Test
    void gapsAndMissingCheckpointsAreSaid() {
        HeaderChain chain = new HeaderChain(List.of(new Checkpoint(20013092, H92)));
        chain.add(header(20013090));
        chain.add(header(20013092));
        assertEquals("cannot link blocks 20013090..20013092: no header for block 20013091",
                assertThrows(HeaderLinkException.class, () -> chain.linkRange(20013090, 20013092)).getMessage());
        assertTrue(chain.link(20013090).isEmpty());
        HeaderChain none = new HeaderChain(List.of());
        none.add(header(20013090));
        assertTrue(assertThrows(HeaderLinkException.class, () -> none.linkRange(20013090, 20013090)).getMessage()
                .contains("link to no checkpoint (none is set)"));
    }

    @Test
    void checkpointsParseFromText() {
        Checkpoint c = Checkpoint.parse(" 20013092:" + H92.toUpperCase().replace("0X", "0x") + " ");
        assertEquals(new Checkpoint(20013092, H92), c);
        assertEquals("20013092:" + H92, c.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20013092", "20013092:", ":0x00", "-1:0xab", "12:0x1234", "12:abcd", "x:0x" + "00"})
    void badCheckpointsSayWhatIsExpected(String text) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.parse(text));
        assertTrue(e.getMessage().contains("N:0xHASH") || e.getMessage().contains("64 hex digits"), e.getMessage());
    }

    @Test
    void conflictingCheckpointsAreBadInput() {
        assertThrows(CheckpointFormatException.class, () -> new HeaderChain(List.of(new Checkpoint(5, H90),
                new Checkpoint(5, H92))));
    }
}
