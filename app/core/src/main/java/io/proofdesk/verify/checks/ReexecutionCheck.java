package io.proofdesk.verify.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.CheckDetails;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.StringTensorJson;
import io.proofdesk.reexec.ComparisonReport;
import io.proofdesk.reexec.ComparisonStatus;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.InferenceFailedException;
import io.proofdesk.reexec.InputMismatchException;
import io.proofdesk.reexec.ModelFileInvalidException;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.reexec.ModelTooLargeException;
import io.proofdesk.reexec.RunLimitExceededException;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.reexec.ReexecResult;
import io.proofdesk.reexec.TensorComparison;
import io.proofdesk.reexec.TensorComparisonResult;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.SettledBlob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ONNX Runtime on this machine, on the recorded input, reproduces the recorded output: inputs from the stored
 * tensors or the published {@code model_inputs} (decoded as the node decodes them), the claim from the stored
 * output tensors or the published {@code output}, compared per output with the user's tolerance or one unit in the
 * last decimal place the claim was written with. Only a model file that matched its CID is run.
 */
public final class ReexecutionCheck implements InferenceCheck {

    private final ModelFiles files;
    private final ReexecEngine engine;
    private final Tolerance userTolerance;
    private final TensorComparison comparison = new TensorComparison();
    private final FixedPointCodec codec = new FixedPointCodec();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param userTolerance null to derive each output's tolerance from its claim */
    public ReexecutionCheck(ModelFiles files, ReexecEngine engine, Tolerance userTolerance) {
        this.files = files;
        this.engine = engine;
        this.userTolerance = userTolerance;
    }

    @Override
    public String name() {
        return CheckNames.REEXECUTION;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        return outcome(evidence).line();
    }

    public ReexecutionOutcome outcome(RecordEvidence evidence) {
        Inference r = evidence.inference();
        Fetched<ModelFiles.ModelFile> model = files.get(r.model());
        if (model instanceof Fetched.Failed<ModelFiles.ModelFile> f) {
            return ReexecutionOutcome.without(CheckLines.of(name(), f));
        }
        ModelFiles.ModelFile file = ((Fetched.Ok<ModelFiles.ModelFile>) model).value();
        if (!file.matchesCid()) {
            return ReexecutionOutcome.without(CheckLines.unverified(name(),
                    "not run: the served model file does not match its CID (see the model line)"));
        }
        // one lease for the whole check: the signature read here and the run below use the same session. It is held
        // across a blob fetch for a record without stored tensors; a lease only keeps an evicted session open longer
        ReexecEngine.Loaded loaded;
        try {
            loaded = engine.load(file.sha256(), file.bytes());
        } catch (ModelFileInvalidException e) {
            return ReexecutionOutcome.without(CheckLines.error(name(), "the model cannot be run here: " + e.getMessage()));
        } catch (ModelTooLargeException e) {
            // a limit of this machine, not a fault of the node: the record cannot be checked here
            return ReexecutionOutcome.without(CheckLines.unverified(name(), "not run: " + e.getMessage()));
        }
        try (loaded) {
            return outcome(evidence, r, loaded);
        }
    }

    private ReexecutionOutcome outcome(RecordEvidence evidence, Inference r, ReexecEngine.Loaded loaded) {
        ModelSignature signature = loaded.signature();
        Optional<SettledBlob> content = Optional.empty();
        if (r.inputs().isEmpty() || r.outputs().isEmpty()) {
            Fetched<SettledBlob> fetched = evidence.content();
            if (fetched instanceof Fetched.Failed<SettledBlob> f) {
                return ReexecutionOutcome.without(new CheckResult(name(), f.status(),
                        "no recorded input/output to re-run: " + f.reason(), Map.of()));
            }
            content = Optional.of(((Fetched.Ok<SettledBlob>) fetched).value());
        }
        Map<String, Tensor> inputs;
        List<ClaimedTensors> claims;
        try {
            inputs = r.inputs().isEmpty() ? decodeInputs(content.orElseThrow(), signature)
                    : RecordedTensors.inputs(r.inputs(), signature);
            claims = r.outputs().isEmpty() ? claimsFromJson(content.orElseThrow().output())
                    : RecordedTensors.read(r.outputs());
        } catch (ReexecException | IllegalArgumentException e) {
            return ReexecutionOutcome.without(CheckLines.fail(name(), "the recorded input or output cannot be read: "
                    + e.getMessage()));
        }
        ReexecResult run;
        try {
            run = loaded.execute(inputs);
        } catch (InputMismatchException e) {
            return ReexecutionOutcome.without(CheckLines.fail(name(), "the recorded input does not fit the model: "
                    + String.join("; ", e.problems())));
        } catch (InferenceFailedException | ModelFileInvalidException e) {
            return ReexecutionOutcome.without(CheckLines.error(name(), "ONNX Runtime failed: " + e.getMessage()));
        } catch (ModelTooLargeException e) {
            return ReexecutionOutcome.without(CheckLines.unverified(name(), "not run: " + e.getMessage()));
        } catch (RunLimitExceededException e) {
            return ReexecutionOutcome.without(CheckLines.unverified(name(), e.getMessage()));
        }
        Tensor[] claimed = new Tensor[claims.size()];
        try {
            for (int i = 0; i < claimed.length; i++) {
                ClaimedTensors c = claims.get(i);
                claimed[i] = c.as(signature.output(c.name()).map(TensorSpec::type).orElse(io.proofdesk.domain.DType.DOUBLE));
            }
        } catch (ReexecException | IllegalArgumentException e) {
            return ReexecutionOutcome.without(CheckLines.fail(name(), "the claimed output cannot be read as the model's "
                    + "output type: " + e.getMessage()));
        }
        List<Tensor> claimedList = List.of(claimed);
        ComparisonReport report = comparison.compareAll(claimedList, run.outputs(), n -> toleranceFor(lastNamed(claims, n)));
        CheckResult line = line(report, run);
        return new ReexecutionOutcome(line, Optional.of(report), List.copyOf(inputs.values()), run.outputs(),
                claimedList, run.runTime());
    }

    /** The claim of that name, the last if several (as a map keyed by name would keep); a linear scan of a few. */
    private static ClaimedTensors lastNamed(List<ClaimedTensors> claims, String name) {
        for (int i = claims.size() - 1; i >= 0; i--) {
            if (claims.get(i).name().equals(name)) {
                return claims.get(i);
            }
        }
        return null;
    }

    private CheckResult line(ComparisonReport report, ReexecResult run) {
        List<TensorComparisonResult> tensors = report.tensors();
        CheckDetails.Builder details = CheckDetails.builder(tensors.size() + 6);
        double maxAbs = 0;
        double maxRel = 0;
        long maxUlp = 0;
        List<String> problems = null;  // made only for a line that fails
        for (TensorComparisonResult t : tensors) {
            // one concatenation per detail (same text as before: status, errors unless MISMATCH, basis)
            details.put("output." + t.name(), t.status() == ComparisonStatus.MISMATCH
                    ? t.status() + " (" + t.tolerance().basis() + ")"
                    : t.status() + " maxAbs=" + text(t.maxAbsError()) + " maxRel=" + text(t.maxRelError())
                    + " maxUlp=" + text(t.maxUlp()) + " (" + t.tolerance().basis() + ")");
            if (!t.status().isMatch()) {
                if (problems == null) {
                    problems = new ArrayList<>();
                }
                problems.add("output '" + t.name() + "': " + t.reason());
            }
            if (t.status() != ComparisonStatus.MISMATCH) {
                maxAbs = Math.max(maxAbs, t.maxAbsError());
                maxRel = Math.max(maxRel, t.maxRelError());
                maxUlp = Math.max(maxUlp, t.maxUlp());
            }
        }
        ComparisonStatus overall = report.overall();
        details.put("maxAbsError", text(maxAbs));
        details.put("maxRelError", text(maxRel));
        details.put("maxUlp", text(maxUlp));
        details.put("modelSha256", run.modelSha256());
        details.put("runMicros", Long.toString(run.runTime().toNanos() / 1000));
        details.put("result", overall.name());
        return switch (overall) {
            case EXACT -> CheckLines.pass(name(), "local output is bit-identical to the claim", details.build());
            case WITHIN_TOLERANCE -> CheckLines.pass(name(), "local output within tolerance (max abs error " + maxAbs
                    + ", " + maxUlp + " ULP)", details.build());
            default -> new CheckResult(name(), CheckStatus.FAIL, problems == null ? "" : String.join("; ", problems),
                    details.build());
        };
    }

    /** Double.toString, with the zeros of an exact match (every detail of most lines) not formatted each time. */
    private static String text(double v) {
        return Double.doubleToRawLongBits(v) == 0 ? "0.0" : Double.toString(v);
    }

    private static String text(long v) {
        return v == 0 ? "0" : Long.toString(v);
    }

    private Tolerance toleranceFor(ClaimedTensors claim) {
        return userTolerance != null ? userTolerance : RecordedTensors.ownPrecision(claim);
    }

    private Map<String, Tensor> decodeInputs(SettledBlob blob, ModelSignature signature) {
        ModelInputsJson in;
        try {
            in = json.readValue(blob.modelInputs(), ModelInputsJson.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("model_inputs is not the documented JSON document");
        }
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (NumberTensorJson n : in.numbers()) {
            if (n == null || n.name() == null || n.values() == null || n.shape() == null) {
                throw new IllegalArgumentException("a number tensor lacks name, values or shape");
            }
            TensorSpec spec = signature.input(n.name())
                    .orElseThrow(() -> new IllegalArgumentException("the model has no input '" + n.name() + "'"));
            List<FixedPointNumber> values = new ArrayList<>(n.values().size());
            for (FixedPointValue v : n.values()) {
                if (v == null || v.value() == null || v.decimals() == null) {
                    throw new IllegalArgumentException("input '" + n.name() + "' has an incomplete number");
                }
                values.add(new FixedPointNumber(v.value(), v.decimals()));
            }
            long[] shape = n.shape().stream().mapToLong(Long::longValue).toArray();
            put(inputs, codec.decode(new FixedPointTensor(n.name(), values, shape), spec));
        }
        for (StringTensorJson s : in.strings()) {
            if (s == null || s.name() == null || s.values() == null) {
                throw new IllegalArgumentException("a string tensor lacks name or values");
            }
            long[] shape = s.shape() == null ? new long[] {s.values().size()}
                    : s.shape().stream().mapToLong(Long::longValue).toArray();
            put(inputs, Tensor.ofStrings(s.name(), shape, s.values()));
        }
        return inputs;
    }

    private static void put(Map<String, Tensor> inputs, Tensor t) {
        if (inputs.put(t.name(), t) != null) {
            throw new IllegalArgumentException("input '" + t.name() + "' is given twice");
        }
    }

    private static List<ClaimedTensors> claimsFromJson(JsonNode output) {
        List<ClaimedTensors> claims = new ArrayList<>();
        for (JsonNode o : output) {
            claims.add(ClaimedTensors.fromJson(o));
        }
        return claims;
    }
}
