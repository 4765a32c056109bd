package io.proofdesk.cli;

import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ComparisonReport;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.reexec.ModelTooLargeException;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.reexec.ReexecResult;
import io.proofdesk.reexec.RunLimitExceededException;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorComparison;
import io.proofdesk.reexec.TensorComparisonResult;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.verify.checks.RecordedTensors;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a model on TensorProto files and compares with the expected ones. Recorded tensors (a bundle's
 * {@code test_data_set_0}) are read as the verifier reads them: a number recorded in another type than the model's
 * (the chain's untyped numbers, decoded as float64) is converted to the model's type, an on-chain claim's exact
 * decimals (its {@code #fixed-point} companion) replace the decoded tensor, and such a claim is compared within its
 * own precision. Plain ONNX test data is compared with ONNX's backend-test tolerance.
 */
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

    @Mixin
    ModelLimitOptions limits;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Tolerance userTolerance = tolerance.toleranceOrNull();
        byte[] modelBytes = read(model, MAX_MODEL_BYTES);
        TensorProtoCodec codec = new TensorProtoCodec();
        try (SessionCache sessions = SessionCache.withLimits(limits.limits())) {
            ReexecEngine engine = new ReexecEngine(sessions);
            try (ReexecEngine.Loaded loaded = engine.load(io.proofdesk.node.cid.Sha256.hex(modelBytes), modelBytes)) {
                ModelSignature signature = loaded.signature();
                List<Tensor> given = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    Tensor t = codec.read(read(inputs.get(i), TensorProtoCodec.DEFAULT_MAX_BYTES), inputs.get(i).toString());
                    // ONNX test data may leave names empty; then the position gives the model's input
                    if (t.name().isEmpty() && i < signature.inputs().size()) {
                        t = renamed(t, signature.inputs().get(i).name());
                    }
                    given.add(t);
                }
                Map<String, Tensor> runInputs = RecordedTensors.inputs(given, signature);
                for (Tensor t : given) {
                    Tensor converted = runInputs.get(t.name());
                    if (converted != null && converted.type() != t.type()) {
                        out.printf("input   %-20s recorded %s, converted to the model's %s (as verify does)%n",
                                t.name(), t.type(), converted.type());
                    }
                }
                ReexecResult run = loaded.execute(runInputs);
                List<Tensor> recorded = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    Tensor t = codec.read(read(expected.get(i), TensorProtoCodec.DEFAULT_MAX_BYTES), expected.get(i).toString());
                    if (t.name().isEmpty() && i < run.outputs().size()) {
                        t = renamed(t, run.outputs().get(i).name());
                    }
                    recorded.add(t);
                }
                List<RecordedTensors.Claim> claims = RecordedTensors.claims(recorded, signature);
                Map<String, Tolerance> tolerances = new HashMap<>();
                List<Tensor> claimed = new ArrayList<>();
                for (RecordedTensors.Claim c : claims) {
                    claimed.add(c.tensor());
                    tolerances.put(c.tensor().name(), userTolerance != null ? userTolerance
                            : c.isRecordedClaim() ? c.ownPrecision() : Tolerance.onnxBackendTests());
                    if (c.isRecordedClaim()) {
                        out.printf("claim   %-20s recorded %s%s, compared as the model's %s (as verify does)%n",
                                c.tensor().name(), c.recordedAs(), c.fromDecimals() ? " with its exact decimals" : "",
                                c.tensor().type());
                    }
                }
                ComparisonReport report = new TensorComparison().compareAll(claimed, run.outputs(),
                        name -> tolerances.getOrDefault(name, userTolerance != null ? userTolerance
                                : Tolerance.onnxBackendTests()));
                out.printf("model   %s (sha256 %s)%n", model, run.modelSha256());
                out.printf("run     %d us%n", run.runTime().toNanos() / 1000);
                for (TensorComparisonResult r : report.tensors()) {
                    out.printf("output  %-20s %-17s max|abs|=%s max|rel|=%s maxULP=%d (%s)%s%n", r.name(), r.status(),
                            r.maxAbsError(), r.maxRelError(), r.maxUlp(), r.tolerance().basis(),
                            r.reason().isEmpty() ? "" : "  " + r.reason());
                }
                out.printf("result  %s%n", report.matches() ? "MATCH" : "MISMATCH");
                return report.matches() ? ExitCode.VERIFIED : ExitCode.MISMATCH;
            } catch (ModelTooLargeException e) {
                throw new UserInputException(e.getMessage() + " (--max-tensor-mib sets the limit)", e);
            } catch (RunLimitExceededException e) {
                throw new UserInputException(e.getMessage() + " (--max-run-seconds and --max-run-mib set the limits)", e);
            } catch (ReexecException | IllegalArgumentException e) {
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
