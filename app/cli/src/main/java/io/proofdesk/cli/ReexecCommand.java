package io.proofdesk.cli;

import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ComparisonReport;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.reexec.ReexecResult;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorComparison;
import io.proofdesk.reexec.TensorComparisonResult;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.reexec.Tolerance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "reexec", mixinStandardHelpOptions = true,
        description = "Run any ONNX model on ONNX TensorProto files and compare with expected outputs.")
public final class ReexecCommand implements Callable<Integer> {

    static final long MAX_MODEL_BYTES = 512L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.onnx", description = "The model file")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "in_N.pb", description = "Input TensorProto (repeatable)")
    List<Path> inputs;

    @Option(names = "--expect", required = true, paramLabel = "out_N.pb", description = "Expected output TensorProto (repeatable)")
    List<Path> expected;

    @Mixin
    ToleranceOptions tolerance;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] modelBytes = read(model, MAX_MODEL_BYTES);
        TensorProtoCodec codec = new TensorProtoCodec();
        try (SessionCache sessions = SessionCache.withDefaults()) {
            ReexecEngine engine = new ReexecEngine(sessions);
            try {
                var signature = engine.describe(modelBytes).signature();
                Map<String, Tensor> given = new LinkedHashMap<>();
                for (int i = 0; i < inputs.size(); i++) {
                    Tensor t = codec.read(read(inputs.get(i), TensorProtoCodec.DEFAULT_MAX_BYTES), inputs.get(i).toString());
                    // ONNX test data may leave names empty; then the position gives the model's input
                    if (t.name().isEmpty() && i < signature.inputs().size()) {
                        t = renamed(t, signature.inputs().get(i).name());
                    }
                    given.put(t.name(), t);
                }
                ReexecResult run = engine.execute(modelBytes, given);
                List<Tensor> claims = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    Tensor t = codec.read(read(expected.get(i), TensorProtoCodec.DEFAULT_MAX_BYTES), expected.get(i).toString());
                    if (t.name().isEmpty() && i < run.outputs().size()) {
                        t = renamed(t, run.outputs().get(i).name());
                    }
                    claims.add(t);
                }
                Tolerance tol = tolerance.toleranceOrNull() == null ? Tolerance.onnxBackendTests() : tolerance.toleranceOrNull();
                ComparisonReport report = new TensorComparison().compareAll(claims, run.outputs(), tol);
                out.printf("model   %s (sha256 %s)%n", model, run.modelSha256());
                out.printf("run     %d us%n", run.runTime().toNanos() / 1000);
                for (TensorComparisonResult r : report.tensors()) {
                    out.printf("output  %-20s %-17s max|abs|=%s max|rel|=%s maxULP=%d%s%n", r.name(), r.status(),
                            r.maxAbsError(), r.maxRelError(), r.maxUlp(), r.reason().isEmpty() ? "" : "  " + r.reason());
                }
                out.printf("result  %s (%s)%n", report.matches() ? "MATCH" : "MISMATCH", tol.basis());
                return report.matches() ? ExitCode.VERIFIED : ExitCode.MISMATCH;
            } catch (ReexecException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
    }

    private static Tensor renamed(Tensor t, String name) {
        return new Tensor(name, t.type(), t.shape(), t.data(), t.strings());
    }

    static byte[] read(Path p, long max) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString());
        }
        long size = Files.size(p);
        if (size > max) {
            throw new UserInputException(p + " is " + size + " bytes, more than the " + max + " accepted");
        }
        return Files.readAllBytes(p);
    }
}
