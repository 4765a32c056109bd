package io.proofdesk.report.bundle;

import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.chain.sync.RecordProblem;
import io.proofdesk.chain.sync.SettledTensors;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.reexec.OnnxModelFile;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.SettledBlob;
import io.proofdesk.verify.checks.PublishedOutputs;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Checks a bundle's tensor files against the settled source they claim to come from, decoded by the code that made
 * them: a TEE record's blob (the sync's decoding for stored tensors, re-execution's reading of the claim otherwise),
 * an on-chain record's calldata (in the bundled signed transaction, whose keccak256 must be the record's
 * transaction hash) and its {@code InferenceResult} log in the bundled receipt. Each file must equal its settled
 * tensor exactly: same name, element type, shape and bits. Element types are the model's declarations when the
 * bundled model file is the one its CID names (as the sync and re-execution decode with them), else each file's own.
 */
final class BundleTensorCheck {

    /** The settled tensors and where they come from, or why the bundle cannot give them. */
    private record Settled(List<Tensor> inputs, String inputSource, List<Tensor> outputs, String outputSource,
                           String unavailable) {
        static Settled unavailable(String why) {
            return new Settled(List.of(), null, List.of(), null, why);
        }
    }

    private final SettledTensors decoder = new SettledTensors();

    /**
     * @param inputs  the decoded {@code input_N.pb} files, in order
     * @param outputs the decoded {@code output_N.pb} files, in order
     * @throws BundleInconsistentException if a file differs from its settled tensor, or the source cannot have made it
     */
    BundleVerification.TensorBinding check(BundleContents b, RecordEvidence evidence, BundleSources sources,
                                           boolean storedTensors, List<Tensor> inputs, List<Tensor> outputs)
            throws BundleInconsistentException {
        if (inputs.isEmpty() && outputs.isEmpty()) {
            return new BundleVerification.TensorBinding(true, "the bundle carries no tensor files");
        }
        Inference r = evidence.inference();
        Optional<ModelSignature> signature = signature(r.model(), sources);
        List<TensorSpec> declaredIn = declared(signature.map(ModelSignature::inputs), inputs);
        List<TensorSpec> declaredOut = declared(signature.map(ModelSignature::outputs), outputs);
        Settled settled = r.settlement() == SettlementKind.ONCHAIN
                ? onChain(b, r, sources, declaredIn, declaredOut)
                : blob(evidence, storedTensors, signature, declaredIn, outputs);
        if (settled.unavailable() != null) {
            return new BundleVerification.TensorBinding(false, settled.unavailable());
        }
        compare(inputs, settled.inputs(), BundleLayout::input, "input", settled.inputSource());
        compare(outputs, settled.outputs(), BundleLayout::output, "output", settled.outputSource());
        String in = count(inputs.size(), "input");
        String out = count(outputs.size(), "output");
        return new BundleVerification.TensorBinding(true, "every tensor file equals the "
                + (settled.inputSource().equals(settled.outputSource())
                ? settled.inputSource() + " (" + in + ", " + out + ")"
                : settled.inputSource() + " (" + in + ") and the " + settled.outputSource() + " (" + out + ")"));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private Settled blob(RecordEvidence evidence, boolean storedTensors, Optional<ModelSignature> signature,
                         List<TensorSpec> declaredIn, List<Tensor> outputFiles) throws BundleInconsistentException {
        Fetched<SettledBlob> content = evidence.content();
        if (content instanceof Fetched.Failed<SettledBlob> f) {
            return Settled.unavailable("the bundle's blob does not give them: " + f.reason());
        }
        SettledBlob blob = ((Fetched.Ok<SettledBlob>) content).value();
        String source = evidence.inference().settlement() == SettlementKind.BATCH
                ? "settled batch blob's record " + evidence.inference().id().leafIndex() : "settled blob";
        List<Tensor> in;
        List<Tensor> out;
        try {
            in = decoder.blobInputs(blob.modelInputs(), declaredIn);
        } catch (RecordProblem e) {
            throw new BundleInconsistentException(BundleLayout.input(0), "cannot come from the " + source + ": "
                    + e.getMessage());
        }
        try {
            // stored tensors are what the sync keeps (float64); otherwise the exporter wrote re-execution's claim
            out = storedTensors ? decoder.blobOutputs(blob.output())
                    : PublishedOutputs.read(blob.output(), name -> outputType(signature, outputFiles, name));
        } catch (RecordProblem | RuntimeException e) {
            throw new BundleInconsistentException(BundleLayout.output(0), "cannot come from the " + source + ": "
                    + e.getMessage());
        }
        return new Settled(in, source, out, source, null);
    }

    private Settled onChain(BundleContents b, Inference r, BundleSources sources, List<TensorSpec> declaredIn,
                            List<TensorSpec> declaredOut) throws BundleInconsistentException {
        Optional<byte[]> raw = b.entry(BundleLayout.TRANSACTION);
        if (raw.isEmpty()) {
            return Settled.unavailable("the bundle carries no calldata (" + BundleLayout.TRANSACTION
                    + "; bundles of format " + BundleLayout.FORMAT_1 + " do not)");
        }
        String txHash = r.id().txHash();
        String rawHash = Numeric.toHexString(Hash.sha3(raw.get()));
        if (!rawHash.equalsIgnoreCase(txHash)) {
            throw new BundleInconsistentException(BundleLayout.TRANSACTION, "differs from the settled transaction: "
                    + "its keccak256 is " + rawHash + ", the record's transaction is " + txHash);
        }
        RawTransaction tx;
        try {
            tx = TransactionDecoder.decode(Numeric.toHexString(raw.get()));
        } catch (RuntimeException e) {
            throw new BundleInconsistentException(BundleLayout.TRANSACTION, "is not a signed transaction: "
                    + e.getMessage());
        }
        Optional<ReceiptFacts> receipt;
        try {
            receipt = sources.chain().receipt(txHash);
        } catch (IOException e) {
            return Settled.unavailable("the bundled receipt cannot be read: " + e.getMessage());
        }
        if (receipt.isEmpty()) {
            return Settled.unavailable("the bundle has no receipt of transaction " + txHash);
        }
        if (receipt.get().log(r.id().logIndex()).filter(l -> !l.topics().isEmpty()
                && io.proofdesk.chain.sync.PrecompileLogs.isModelInference(l.topics().getFirst())).isPresent()) {
            // its input is in the precompile's event, its output maybe only the node API's: no calldata to bind
            return Settled.unavailable("a record of the inference precompile: its tensors come from its "
                    + "ModelInferenceEvent (and the node API), not from calldata; not bound here");
        }
        SettledTensors.OnChain settled;
        try {
            settled = decoder.onChain(Numeric.prependHexPrefix(tx.getData()), tx.getTo(), receipt.get().logs(),
                    r.id().logIndex(), declaredIn, declaredOut);
        } catch (RecordProblem e) {
            throw new BundleInconsistentException(BundleLayout.TEST_DATA, "cannot come from the settled calldata and "
                    + "log: " + e.getMessage());
        }
        return new Settled(settled.inputs(), "settled calldata", settled.outputs(), "settled InferenceResult log",
                null);
    }

    /** The model's declarations when the bundled file is the one the record's CID names and parses; else none. */
    private static Optional<ModelSignature> signature(String cid, BundleSources sources) {
        Fetched<ModelFiles.ModelFile> f = new ModelFiles(sources.models()).get(cid);
        if (!(f instanceof Fetched.Ok<ModelFiles.ModelFile> ok) || !ok.value().matchesCid()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OnnxModelFile.parse(ok.value().bytes(), ModelLimits.DEFAULT).signature());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<TensorSpec> declared(Optional<List<TensorSpec>> model, List<Tensor> files) {
        return model.orElseGet(() -> files.stream().map(t -> new TensorSpec(t.name(), t.type(), null)).toList());
    }

    /** The type re-execution reads a claimed output as: the model's declaration, float64 for names it lacks. */
    private static DType outputType(Optional<ModelSignature> signature, List<Tensor> files, String name) {
        if (signature.isPresent()) {
            return signature.get().output(name).map(TensorSpec::type).orElse(DType.DOUBLE);
        }
        return files.stream().filter(t -> t.name().equals(name)).map(Tensor::type).findFirst().orElse(DType.DOUBLE);
    }

    private static void compare(List<Tensor> files, List<Tensor> settled, IntFunction<String> path, String role,
                                String source) throws BundleInconsistentException {
        for (int i = 0; i < Math.max(files.size(), settled.size()); i++) {
            if (i >= files.size()) {
                throw new BundleInconsistentException(path.apply(i), "is missing: the " + source + " has "
                        + settled.size() + " " + role + "s, the bundle " + files.size());
            }
            if (i >= settled.size()) {
                throw new BundleInconsistentException(path.apply(i), "differs from the " + source + ": it has "
                        + settled.size() + " " + role + "s, the bundle " + files.size());
            }
            String difference = difference(files.get(i), settled.get(i));
            if (difference != null) {
                throw new BundleInconsistentException(path.apply(i), "differs from the " + source + ": " + role + " '"
                        + settled.get(i).name() + "' " + difference);
            }
        }
    }

    /** The first way {@code file} differs from {@code settled}, or null if they are the same tensor bit for bit. */
    static String difference(Tensor file, Tensor settled) {
        if (file.equals(settled)) {
            return null;
        }
        if (!file.name().equals(settled.name())) {
            return "is named '" + file.name() + "' in the file";
        }
        if (file.type() != settled.type()) {
            return "is " + settled.type() + " settled, " + file.type() + " in the file";
        }
        if (!file.sameShape(settled)) {
            return "has shape " + Arrays.toString(settled.shape()) + " settled, " + Arrays.toString(file.shape())
                    + " in the file";
        }
        int i = file.type() == DType.STRING ? firstDifference(file.strings(), settled.strings())
                : Arrays.mismatch(file.data(), settled.data()) / file.type().byteSize();
        return "element " + i + " is " + element(settled, i) + " settled, " + element(file, i) + " in the file";
    }

    private static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("equal strings reported as different");
    }

    /** One element as exact text: the shortest decimal of its own type (which tells -0.0 from 0.0), or the integer. */
    private static String element(Tensor t, int i) {
        return switch (t.type()) {
            case STRING -> "\"" + t.strings().get(i) + "\"";
            case FLOAT -> Float.toString(t.buffer().getFloat(i * 4));
            case DOUBLE -> Double.toString(t.buffer().getDouble(i * 8));
            case FLOAT16, BFLOAT16 -> Float.toString((float) t.toDoubles()[i]);
            default -> new FixedPointCodec().encode(t).values().get(i).value().toString();
        };
    }
}
