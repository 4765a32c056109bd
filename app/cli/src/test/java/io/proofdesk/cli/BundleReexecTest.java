package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented way to re-check a bundle by hand: unzip it and run {@code proofdesk reexec} on its model and
 * test data. On an honest record of the demo network (synced from the chain, so its claim is the chain's float64
 * with its exact decimals) that must MATCH, as verify-bundle says.
 */
class BundleReexecTest {

    @Test
    @DisplayName("reexec on the files of honest VANILLA and TEE records' bundles matches (exit 0), as verify does")
    void honestBundleFilesMatch(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("devnet");
        Path data = dir.resolve("data");
        try (Devnet devnet = Devnet.start(new DevnetConfig(40, 0.05, 7, state), SeedProgress.NONE)) {
            CliTestRun sync = CliTestRun.of("sync", "--devnet", state.toString(), "--data-dir", data.toString());
            assertEquals(ExitCode.VERIFIED, sync.exitCode(), sync.out() + sync.err());
            Set<String> honest = new HashSet<>();
            for (GroundTruth.Entry e : devnet.groundTruth().records()) {
                if (e.honest()) {
                    honest.add(e.id());
                }
            }
            CliTestRun listed = CliTestRun.of("inferences", "--json", "--data-dir", data.toString());
            JsonNode records = new ObjectMapper().readTree(listed.out());
            for (String mode : List.of("VANILLA", "TEE")) {
                String id = null;
                for (JsonNode r : records) {
                    if (r.get("mode").asText().equals(mode) && honest.contains(r.get("id").asText())) {
                        id = r.get("id").asText();
                        break;
                    }
                }
                assertTrue(id != null, "an honest " + mode + " record in " + records.size());
                Path zip = dir.resolve(mode + ".zip");
                CliTestRun bundle = CliTestRun.of("bundle", "--id", id, "--out", zip.toString(), "--devnet",
                        state.toString(), "--data-dir", data.toString());
                assertEquals(ExitCode.VERIFIED, bundle.exitCode(), bundle.out() + bundle.err());
                Path files = unzip(zip, dir.resolve(mode));
                List<String> args = new ArrayList<>(List.of("reexec", "--model", files.resolve("model.onnx").toString()));
                for (Path p : testData(files, "input_")) {
                    args.addAll(List.of("--input", p.toString()));
                }
                List<Path> outputs = testData(files, "output_");
                for (Path p : outputs) {
                    args.addAll(List.of("--expect", p.toString()));
                }
                CliTestRun reexec = CliTestRun.of(args.toArray(String[]::new));
                System.out.println(mode + " bundle " + id + " (" + outputs.size() + " output files):\n" + reexec.out());
                assertEquals(ExitCode.VERIFIED, reexec.exitCode(), reexec.out() + reexec.err());
                assertTrue(reexec.out().contains("result  MATCH"), reexec.out());
                if (mode.equals("VANILLA")) {
                    assertTrue(reexec.out().contains("recorded DOUBLE with its exact decimals, compared as the model's "
                            + "FLOAT (as verify does)"), reexec.out());
                    assertTrue(reexec.out().contains("from the claim's"), "the claim's own precision: " + reexec.out());
                }
            }
        }
    }

    private static List<Path> testData(Path files, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(files.resolve("test_data_set_0"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static Path unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(into), e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, z.readAllBytes());
            }
        }
        return into;
    }
}
