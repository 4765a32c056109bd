package io.proofdesk.cli;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.verify.CheckNames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's promise, scored: a seeded demo network of 2,000 inferences, synced and verified through the CLI
 * exactly as a user runs it, must flag every dishonest record with the check its fault breaks, and no honest one.
 */
class DetectionEndToEndTest {

    private static final Map<Fault, String> EXPECTED_CHECK = new EnumMap<>(Map.of(
            Fault.FORGED_OUTPUT, CheckNames.REEXECUTION,
            Fault.SWAPPED_MODEL, CheckNames.REEXECUTION,
            Fault.BAD_SIGNATURE, CheckNames.SIGNATURE,
            Fault.STALE_ATTESTATION, CheckNames.ATTESTATION,
            Fault.UNAPPROVED_PCR, CheckNames.TEE_STATUS,
            Fault.MODEL_CID_MISMATCH, CheckNames.MODEL,
            Fault.BLOB_MISMATCH, CheckNames.BLOB,
            Fault.MERKLE_MISSING, CheckNames.BATCH_INCLUSION));

    @Test
    @DisplayName("devnet + sync + verify --all flags every dishonest record with the right check and no honest one")
    void everyDishonestRecordAndNoHonestOne() throws Exception {
        Path devnetDir = Files.createTempDirectory("e2e-devnet");
        Path dataDir = Files.createTempDirectory("e2e-data");
        try (Devnet devnet = Devnet.start(new DevnetConfig(2000, 0.05, 42, devnetDir), SeedProgress.NONE)) {
            CliTestRun sync = CliTestRun.of("sync", "--devnet", devnetDir.toString(), "--data-dir", dataDir.toString());
            assertEquals(0, sync.exitCode(), sync.out() + sync.err());
            CliTestRun verify = CliTestRun.of("verify", "--all", "--devnet", devnetDir.toString(),
                    "--data-dir", dataDir.toString());
            assertEquals(ExitCode.MISMATCH, verify.exitCode(), verify.out() + verify.err());

            GroundTruth truth = devnet.groundTruth();
            List<String> missed = new ArrayList<>();
            List<String> wrongCheck = new ArrayList<>();
            List<String> falseAlarms = new ArrayList<>();
            int flagged = 0;
            int honestVerified = 0;
            try (Store store = Store.open(DataDirectory.resolve(dataDir))) {
                for (GroundTruth.Entry e : truth.records()) {
                    RecordId id = RecordId.parse(e.id());
                    VerdictRecord v = store.read(tx -> tx.latestVerdict(id)).orElse(null);
                    List<String> failed = store.read(tx -> tx.checkResults().failedInLatest(id));
                    if (e.honest()) {
                        if (v == null || v.verdict() == Verdict.MISMATCH || v.verdict() == Verdict.ERROR) {
                            falseAlarms.add(e.id() + " " + (v == null ? "no verdict" : v.verdict() + " " + failed + " " + v.reason()));
                        } else if (v.verdict() == Verdict.VERIFIED) {
                            honestVerified++;
                        } else {
                            InferenceMode mode = store.read(tx -> tx.loadInference(id)).orElseThrow().mode();
                            if (mode != InferenceMode.ZKML) {
                                falseAlarms.add(e.id() + " UNVERIFIED but not ZKML: " + v.reason());
                            }
                        }
                    } else if (v == null || v.verdict() != Verdict.MISMATCH) {
                        missed.add(e.id() + " " + e.fault().label() + " -> " + (v == null ? "no verdict" : v.verdict()));
                    } else {
                        flagged++;
                        if (!failed.contains(EXPECTED_CHECK.get(e.fault()))) {
                            wrongCheck.add(e.id() + " " + e.fault().label() + " failed " + failed);
                        }
                    }
                }
            }
            System.out.printf("detection: %d/%d dishonest flagged, %d honest verified, %d false alarms%n",
                    flagged, truth.dishonestCount(), honestVerified, falseAlarms.size());
            assertEquals(List.of(), missed, "dishonest records not flagged");
            assertEquals(List.of(), falseAlarms, "honest records flagged");
            assertEquals(List.of(), wrongCheck, "dishonest records flagged by the wrong check");
            assertEquals(100, flagged);
            assertTrue(honestVerified > 1700, "honest records verified: " + honestVerified);
        }
    }
}
