package io.proofdesk.report;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.verify.ReexecutionOutcome;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports written from a real store: the signed report names models as the synced registry does, and the MISMATCH records
 * without outputs (and only those) are re-executed for the pictures, with progress and cancel.
 */
class ReportServiceTest {

    @TempDir
    Path dir;
    Store store;
    AuditorKey key;
    List<ReportItem> items;

    @BeforeEach
    void store() throws Exception {
        key = ReportFixtures.testKey(dir);
        store = Store.open(new DataDirectory(dir.resolve("data")));
        items = ReportFixtures.items(10).stream()
                .map(i -> new ReportItem(i.inference(), i.verdict(), Optional.empty())).toList();
        store.inTransaction(tx -> {
            tx.saveInferences(items.stream().map(ReportItem::inference).toList());
            items.forEach(i -> tx.saveVerdict(i.verdict()));
            tx.models().upsert(new Model("credit-mlp", "0xowner", "a credit model", null, null));
            tx.modelVersions().upsert(new ModelVersion("credit-mlp", "1.00", ReportFixtures.CID, null, null, null));
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("the model names come from the synced registry into the signed JSON; the PDF draws them and checks VALID")
    void modelNamesAreSigned() throws Exception {
        ReportService service = new ReportService(store, key, Clock.fixed(ReportFixtures.CREATED, ZoneOffset.UTC));
        ReportService.Gathered g = service.gather(items.stream().map(i -> i.inference().id()).toList());
        Path pdf = dir.resolve("r.pdf");
        Path json = dir.resolve("r.json");
        ReportService.Written w = service.write("t", ReportFixtures.NETWORK, ReportFixtures.ENV, g.items(), json, pdf);
        assertEquals(2, w.entries().size());
        Report report = w.report().report();
        assertEquals(Report.SCHEMA, report.schema());
        assertEquals("MISMATCH", report.records().getFirst().verdict());
        assertEquals(Map.of(ReportFixtures.CID, List.of(new ReportModel("credit-mlp", "1.00"))), report.models());
        assertTrue(Files.readString(json).contains("\"models\":{\"" + ReportFixtures.CID
                + "\":[{\"name\":\"credit-mlp\",\"version\":\"1.00\"}]}"), "the names are in the signed JSON");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(2);
            text.setEndPage(3);
            String pages = text.getText(doc);
            assertTrue(pages.contains(" credit-mlp 1.00 "), pages);
            assertTrue(pages.contains("Model: credit-mlp, version 1.00 (CID " + ReportFixtures.CID + ")"), pages);
        }
        // the checker has no registry: it re-draws the pages from the signed JSON alone, names included
        ReportCheckResult check = new ReportChecker().check(pdf, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, check.outcome(), check.problems().toString());
    }

    @Test
    @DisplayName("only MISMATCH records without outputs are re-executed, one progress step each; what did not run is counted")
    void mismatchesAreReexecuted() {
        List<RecordId> asked = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        RecordId unrunnable = items.stream().filter(i -> i.verdict().verdict() == Verdict.MISMATCH)
                .map(i -> i.inference().id()).findFirst().orElseThrow();
        MismatchOutputs.Reexecutor reexecutor = id -> {
            asked.add(id);
            return id.equals(unrunnable) ? Optional.empty()
                    : Optional.of(ReportFixtures.forgedOutcome(items.getFirst().verdict().checks().getLast()));
        };
        List<ReportItem> withOne = new ArrayList<>(items);
        // a mismatch that already has outputs (e.g. just re-executed in the detail view) is not run again
        ReportItem extra = extraMismatch();
        withOne.add(new ReportItem(extra.inference(), extra.verdict(),
                Optional.of(ReportFixtures.forgedOutcome(extra.verdict().checks().getLast()))));
        assertEquals(2, MismatchOutputs.pending(withOne));

        MismatchOutputs.Completed c = MismatchOutputs.complete(withOne, reexecutor,
                (done, total) -> progress.add(done + "/" + total), () -> false);
        List<RecordId> mismatches = items.stream().filter(i -> i.verdict().verdict() == Verdict.MISMATCH)
                .map(i -> i.inference().id()).toList();
        assertEquals(mismatches, asked);
        assertEquals(List.of("1/2", "2/2"), progress);
        assertEquals(2, c.reexecuted());
        assertEquals(1, c.withoutOutputs());
        assertEquals(withOne.size(), c.items().size());
        Report report = new ReportBuilder().build("t", ReportFixtures.CREATED, key, ReportFixtures.NETWORK,
                ReportFixtures.ENV, c.items(), Map.of());
        long drawn = report.records().stream().filter(r -> r.outputs() != null).count();
        assertEquals(2, drawn, "the run one and the one that had outputs");

        assertThrows(CancellationException.class, () -> MismatchOutputs.complete(withOne, reexecutor,
                (done, total) -> { }, () -> true));
    }

    private static ReportItem extraMismatch() {
        Inference r = ReportFixtures.inference(40, InferenceMode.TEE);
        return new ReportItem(r, ReportFixtures.verdict(r, Verdict.MISMATCH), Optional.<ReexecutionOutcome>empty());
    }

    @Test
    @DisplayName("the registry's versions are looked up once per CID named; CIDs it does not list are left out")
    void registryModels() {
        store.inTransaction(tx -> tx.modelVersions().upsert(new ModelVersion("credit-mlp", "0.90", ReportFixtures.CID,
                null, null, null)));
        List<String> cids = new ArrayList<>(List.of(ReportFixtures.CID, "QmUnknown", ReportFixtures.CID));
        cids.add(null);
        Map<String, List<ReportModel>> found = store.read(tx -> ReportService.registryModels(tx, cids));
        assertEquals(Map.of(ReportFixtures.CID, List.of(new ReportModel("credit-mlp", "0.90"),
                new ReportModel("credit-mlp", "1.00"))), found);
    }
}
