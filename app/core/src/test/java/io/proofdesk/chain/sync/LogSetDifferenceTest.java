package io.proofdesk.chain.sync;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a quorum says when two sources' log sets differ, and the evidence it gives when they agree. */
class LogSetDifferenceTest {

    private static Log log(long block, long index, String data) {
        return new Log(false, "0x" + Long.toHexString(index), "0x0", "0x" + String.format("%064x", block * 100 + index),
                "0x" + "aa".repeat(32), "0x" + Long.toHexString(block), "0x" + "01".repeat(20), data, null,
                List.of("0x" + "11".repeat(32)));
    }

    @Test
    @DisplayName("the same logs in another order agree; missing, extra and changed logs are counted with the first")
    void differences() {
        List<Log> mine = List.of(log(10, 0, "0x01"), log(10, 2, "0x02"), log(12, 1, "0x03"), log(3, 5, "0x04"));
        RangeQuorum.LogSet set = RangeQuorum.logSet(mine);
        assertNull(RangeQuorum.differs(List.of(mine.get(3), mine.get(2), mine.get(0), mine.get(1)), "getLogs", set,
                mine));
        List<Log> theirs = List.of(log(10, 0, "0x01"), log(12, 1, "0xff"), log(3, 5, "0x04"), log(15, 0, "0x05"),
                log(14, 9, "0x06"));
        String d = RangeQuorum.differs(theirs, "getLogs", set, mine);
        assertEquals("getLogs gives " + RangeQuorum.logSet(theirs) + " against " + set + "; 1 log missing there "
                + "(first: block 10 log 2), 2 logs there only (first: block 14 log 9), 1 log with another transaction "
                + "or data there (first: block 12 log 1)", d);
    }

    @Test
    @DisplayName("agreement with an explorer among the sources says so; without one it reads as before")
    void agreedEvidence() {
        Evidence withExplorer = Evidence.agreed(2, 1, 1);
        assertEquals(EvidenceLevel.AGREED, withExplorer.level());
        assertEquals("agreed by 2 of 2 sources (1 endpoint, 1 block explorer)", withExplorer.detail());
        assertEquals("agreed by 3 of 4 sources (2 endpoints, 2 block explorers)", Evidence.agreed(3, 2, 2).detail());
        assertEquals("agreed by 2 of 3 endpoints", Evidence.agreed(2, 3, 0).detail());
        assertThrows(IllegalArgumentException.class, () -> Evidence.agreed(3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Evidence.agreed(1, 1, 1));
    }
}
