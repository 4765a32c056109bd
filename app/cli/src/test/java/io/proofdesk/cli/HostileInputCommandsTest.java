package io.proofdesk.cli;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile files and values given to the CLI: each is bad input (exit 3) with a sentence, never a crash or a pass. */
class HostileInputCommandsTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path floatProto(String name, String tensorName) throws Exception {
        return write(name, OnnxMl.TensorProto.newBuilder().setName(tensorName).setDataType(1).addDims(1)
                .addFloatData(1f).build().toByteArray());
    }

    /** y = Expand(x, [1000, 1000, 1000]): 10^9 floats from a model of about a hundred bytes. */
    private static byte[] expandBomb() {
        ByteBuffer shape = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).putLong(1000).putLong(1000);
        OnnxMl.TypeProto.Tensor.Builder one = OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1)
                .setShape(OnnxMl.TensorShapeProto.newBuilder().addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder()
                        .setDimValue(1)));
        OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("g")
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(one)))
                .addInitializer(OnnxMl.TensorProto.newBuilder().setName("s").setDataType(7).addDims(3)
                        .setRawData(ByteString.copyFrom(shape.array())))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Expand").addInput("x").addInput("s").addOutput("y"))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1))))
                .build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(g).build().toByteArray();
    }

    @Test
    @DisplayName("reexec on the 10^9-element model is refused (exit 3) with a sentence naming the tensor and the flag")
    void reexecRefusesTheBomb() throws Exception {
        Path model = write("bomb.onnx", expandBomb());
        long start = System.nanoTime();
        CliTestRun run = CliTestRun.of("reexec", "--model", model.toString(), "--input",
                floatProto("x.pb", "x").toString(), "--expect", floatProto("y.pb", "y").toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("would make 'y' as float[1000, 1000, 1000], 1.00e+09 elements (3.7 GiB), above "
                + "the limit of 256 MiB per tensor (--max-tensor-mib sets the limit)"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(millis < 5000, "refused in " + millis + " ms");

        CliTestRun bad = CliTestRun.of("reexec", "--model", model.toString(), "--input", dir.resolve("x.pb").toString(),
                "--expect", dir.resolve("y.pb").toString(), "--max-tensor-mib", "0");
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--max-tensor-mib: the value must be 1 to"), bad.err());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"verify, --atol, Infinity", "verify, --rtol, Infinity", "verify, --atol, NaN", "verify, --rtol, -1",
            "bundle, --atol, Infinity", "bundle, --rtol, -Infinity", "reexec, --atol, Infinity", "reexec, --rtol, NaN"})
    @DisplayName("a non-finite or negative tolerance is bad input (exit 3) naming the option, in every command")
    void badTolerance(String command, String option, String value) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, option, value));
        switch (command) {
            case "verify" -> args.addAll(List.of("--all", "--data-dir", dir.toString(), "--devnet", dir.toString()));
            case "bundle" -> args.addAll(List.of("--id", "0x" + "ab".repeat(32) + ":0", "--out",
                    dir.resolve("b.zip").toString(), "--data-dir", dir.toString(), "--devnet", dir.toString()));
            default -> args.addAll(List.of("--model", dir.resolve("m.onnx").toString(), "--input", "i.pb",
                    "--expect", "o.pb"));
        }
        CliTestRun run = CliTestRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(option + " must be a finite, non-negative number, was "), run.err());
    }

    @ParameterizedTest(name = "{0} --rpc {1}")
    @CsvSource({"sync, file:///etc/passwd", "sync, ftp://example.com/rpc", "sync, 127.0.0.1:8545",
            "verify, file:///etc/passwd", "verify, ftp://example.com/rpc"})
    @DisplayName("an RPC endpoint that is not an http(s) URL is bad input (exit 3) naming it; sync writes nothing")
    void unsupportedRpcScheme(String command, String url) {
        Path data = dir.resolve("data");
        String contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
        CliTestRun run = command.equals("sync")
                ? CliTestRun.of("sync", "--rpc", url, "--contracts", "registry=" + contract + ",relay=" + contract
                        + ",inference=" + contract, "--data-dir", data.toString())
                : CliTestRun.of("verify", "--all", "--rpc", url, "--files", "http://127.0.0.1:9", "--blobs",
                        "http://127.0.0.1:9", "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("the RPC endpoint '" + url + "' is not an http:// or https:// URL"), run.err());
        if (command.equals("sync")) {
            assertFalse(Files.exists(data), "nothing written for a refused endpoint");
        }
    }

    @Test
    @DisplayName("devnet --lying-rpc with an unknown mode is bad input (exit 3) listing the modes, and starts nothing")
    void unknownLyingRpcMode() {
        CliTestRun run = CliTestRun.of("devnet", "--lying-rpc", "honest-ish", "--seed-only", "--state-dir",
                dir.resolve("state").toString(), "--data-dir", dir.resolve("data").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("unknown lying-RPC mode 'honest-ish'; the modes are omit, omit-logs, duplicate, "
                + "phantom, "
                + "alter-calldata, alter-receipt, forged-header, fork, slow-drip"), run.err());
        assertFalse(Files.exists(dir.resolve("state")));
    }

    @ParameterizedTest(name = "sync --explorer {0}")
    @CsvSource({"file:///etc/passwd", "ftp://explorer.example.org", "explorer.example.org"})
    @DisplayName("a block explorer that is not an http(s) URL is bad input (exit 3) naming it; sync writes nothing")
    void unsupportedExplorerScheme(String url) {
        Path data = dir.resolve("data-explorer");
        String contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
        CliTestRun run = CliTestRun.of("sync", "--rpc", "http://127.0.0.1:9", "--explorer", url, "--contracts",
                "registry=" + contract, "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--explorer: the block explorer '" + url + "' is not an http:// or https:// URL"),
                run.err());
        assertFalse(Files.exists(data), "nothing written for a refused explorer");
    }

    @Test
    @DisplayName("devnet --lying-explorer with an unknown mode is bad input (exit 3) listing the modes, and starts nothing")
    void unknownLyingExplorerMode() {
        CliTestRun run = CliTestRun.of("devnet", "--lying-explorer", "forgetful", "--seed-only", "--state-dir",
                dir.resolve("state-x").toString(), "--data-dir", dir.resolve("data-x").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("unknown lying-explorer mode 'forgetful'; the modes are omit, alter-data"),
                run.err());
        assertFalse(Files.exists(dir.resolve("state-x")));
    }

    /** A zip with a few deflated entries, like a bundle's layout. */
    private static byte[] aZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String name : List.of("manifest.json", "record.json", "model.onnx", "test_data_set_0/input_0.pb")) {
                z.putNextEntry(new ZipEntry(name));
                byte[] content = new byte[4000];
                new SplittableRandom(name.hashCode()).nextBytes(content);
                Arrays.fill(content, 0, 2000, (byte) 'a');
                z.write(content);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    @DisplayName("verify-bundle on a zip header then garbage, cut-short zips, flipped bytes and non-zips: exit 3 with a "
            + "sentence every time (it was exit 4 'EOFException')")
    void brokenZipsAreBadInput() throws Exception {
        byte[] zip = aZip();
        List<byte[]> cases = new ArrayList<>();
        byte[] headerThenGarbage = Arrays.copyOf(zip, 400);
        for (int i = 60; i < headerThenGarbage.length; i++) {
            headerThenGarbage[i] = (byte) (i * 31);
        }
        cases.add(headerThenGarbage);
        for (int cut = 1; cut < zip.length; cut += 97) {
            cases.add(Arrays.copyOf(zip, cut));
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 60; i++) {
            byte[] flipped = zip.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            cases.add(flipped);
        }
        cases.add(new byte[0]);
        cases.add("PK\u0003\u0004 and then nothing a zip reader wants".getBytes(StandardCharsets.ISO_8859_1));
        cases.add("%PDF-1.7 not a zip".getBytes(StandardCharsets.US_ASCII));
        int n = 0;
        for (byte[] c : cases) {
            Path f = write("case" + n++ + ".zip", c);
            CliTestRun run = CliTestRun.of("verify-bundle", f.toString());
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), f.getFileName() + " (" + c.length + " bytes): " + run.out()
                    + run.err());
            assertTrue(run.err().startsWith("proofdesk verify-bundle: " + f + ": "), run.err());
            assertFalse(run.err().contains("EOFException") || run.err().contains("\tat "), run.err());
        }
        CliTestRun garbage = CliTestRun.of("verify-bundle", dir.resolve("case0.zip").toString());
        assertTrue(garbage.err().contains("not a readable zip file"), garbage.err());
    }
}
