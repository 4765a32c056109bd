package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {

    @TempDir
    java.nio.file.Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(new DataDirectory(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aThrowMidUnitLeavesNothingHalfWritten() {
        Inference a = anInference(1).withTensors().build();
        IllegalStateException boom = new IllegalStateException("network dropped mid-chunk");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            assertEquals(1, tx.saveInferences(List.of(a)));
            tx.saveVerdict(new VerdictRecord(a.id(), Verdict.MISMATCH, "x", Fixtures.T0, null,
                    List.of(new CheckResult("reexecution", CheckStatus.FAIL, "differs", Map.of("maxAbsError", "1")))));
            tx.checkpoints().put(new io.proofdesk.domain.SyncCheckpoint("relay", 500, null, Fixtures.T0));
            throw boom;
        }));
        assertSame(boom, thrown);
        store.read(tx -> {
            assertEquals(0, tx.inferences().count(InferenceQuery.all()));
            assertTrue(tx.loadInference(a.id()).isEmpty());
            assertTrue(tx.tensors().load(a.id()).inputs().isEmpty());
            assertTrue(tx.verdicts().history(a.id()).isEmpty());
            assertTrue(tx.checkpoints().find("relay").isEmpty());
            return null;
        });
        // and the connection is usable afterwards
        store.inTransaction(tx -> tx.saveInferences(List.of(a)));
        assertEquals(1L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));
    }

    @Test
    void aFailingStatementRollsBackTheEarlierOnes() {
        Inference a = anInference(1).build();
        assertThrows(StoreException.class, () -> store.inTransaction(tx -> {
            tx.saveInferences(List.of(a));
            // violates the foreign key: no such inference
            tx.saveVerdict(new VerdictRecord(anInference(2).build().id(), Verdict.VERIFIED, null, Fixtures.T0, null, List.of()));
        }));
        assertEquals(0L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));
    }

    @Test
    void checkedExceptionsPassThroughUnchanged() {
        IOException io = new IOException("blob store unreachable");
        IOException thrown = assertThrows(IOException.class, () -> store.inTransaction(tx -> {
            tx.meta().put("k", "v");
            throw io;
        }));
        assertSame(io, thrown);
        assertTrue(store.read(tx -> tx.meta().get("k")).isEmpty());
    }

    @Test
    void returnsTheUnitsValue() {
        int n = store.inTransactionGet(tx -> tx.saveInferences(List.of(anInference(1).build(), anInference(2).build())));
        assertEquals(2, n);
    }

    @Test
    void transactionsDoNotNest() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> store.inTransaction(inner -> { })));
        store.inTransaction(tx -> tx.meta().put("still", "usable"));
    }

    @Test
    void readUnitsCannotWrite() {
        assertThrows(StoreException.class, () -> store.read(tx -> {
            tx.meta().put("k", "v");
            return null;
        }));
        assertTrue(store.read(Transaction::isReadOnly));
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.read(tx -> null));
    }
}
