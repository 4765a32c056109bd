package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.proofdesk.domain.DType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What Proofdesk learns from a model file before handing it to ONNX Runtime: its SHA-256, IR version, opsets and
 * signature. {@link #parse} is the gate every model passes: size cap, protobuf parse, structure, and the sizes of
 * its tensors ({@link TensorSizeCheck}: inputs, weights, outputs and intermediate values, as far as the file fixes
 * them), each at most {@link ModelLimits#maxTensorBytes()}.
 */
public record OnnxModelFile(String sha256, int sizeBytes, long irVersion, Map<String, Long> opsets,
                            String producer, ModelSignature signature) {

    public OnnxModelFile {
        opsets = Map.copyOf(opsets);
    }

    /** A model that passed the gate, with the size check its runs repeat for the inputs they are given. */
    record Checked(OnnxModelFile file, TensorSizeCheck sizes) {
    }

    /**
     * Throws {@link ModelFileInvalidException} for a file that is not a usable ONNX model and
     * {@link ModelTooLargeException} for one that would make a tensor above the limit.
     */
    public static OnnxModelFile parse(byte[] bytes, ModelLimits limits) {
        return check(bytes, limits).file();
    }

    static Checked check(byte[] bytes, ModelLimits limits) {
        String sha = sha256Hex(bytes);
        if (bytes.length > limits.maxFileBytes()) {
            throw new ModelFileInvalidException(sha, "the file has " + bytes.length + " bytes, above the limit of "
                    + limits.maxFileBytes());
        }
        if (bytes.length == 0) {
            throw new ModelFileInvalidException(sha, "the file is empty");
        }
        OnnxMl.ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(bytes.length);
            model = OnnxMl.ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFileInvalidException(sha, "not an ONNX protobuf (" + describe(e) + ")", e);
        } catch (java.io.IOException e) {
            throw new ModelFileInvalidException(sha, "unreadable: " + e.getMessage(), e);
        }
        if (!model.hasGraph()) {
            throw new ModelFileInvalidException(sha, "no graph in the file (not an ONNX model, or truncated)");
        }
        if (model.getIrVersion() <= 0) {
            throw new ModelFileInvalidException(sha, "no IR version declared (not an ONNX model)");
        }
        if (model.getOpsetImportCount() == 0) {
            throw new ModelFileInvalidException(sha, "no operator set imported");
        }
        OnnxMl.GraphProto graph = model.getGraph();
        if (graph.getOutputCount() == 0) {
            throw new ModelFileInvalidException(sha, "the graph declares no outputs");
        }
        checkInitializers(sha, graph, limits);
        ModelSignature signature;
        try {
            signature = ModelSignature.of(graph);
        } catch (UnsupportedTensorTypeException e) {
            throw new ModelFileInvalidException(sha, e.getMessage(), e);
        }
        for (TensorSpec input : signature.inputs()) {
            double smallest = input.minimumElements() * Math.max(1, input.type().byteSize());
            if (smallest > limits.maxTensorBytes()) {
                throw new ModelTooLargeException(sha, "input '" + input.name() + "' declares shape "
                        + input.shapeText() + " (" + String.format(Locale.ROOT, "%.3g", input.minimumElements())
                        + " elements, " + ModelLimits.bytesText(smallest) + "), above the limit of "
                        + ModelLimits.bytesText(limits.maxTensorBytes()) + " per tensor");
            }
        }
        TensorSizeCheck sizes = TensorSizeCheck.of(graph);
        sizes.checkDeclared(sha, limits.maxTensorBytes());
        Map<String, Long> opsets = new LinkedHashMap<>();
        model.getOpsetImportList().forEach(o -> opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(),
                o.getVersion()));
        return new Checked(new OnnxModelFile(sha, bytes.length, model.getIrVersion(), opsets,
                (model.getProducerName() + " " + model.getProducerVersion()).strip(), signature), sizes);
    }

    /** Weights must be inside the file (no external data: a model must not name files on this machine). */
    private static void checkInitializers(String sha, OnnxMl.GraphProto graph, ModelLimits limits) {
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                throw new ModelFileInvalidException(sha, "weight '" + t.getName()
                        + "' refers to external data; only self-contained model files are accepted");
            }
            double n = 1;
            for (long d : t.getDimsList()) {
                if (d < 0) {
                    throw new ModelFileInvalidException(sha, "weight '" + t.getName() + "' has a negative dimension");
                }
                n *= d;
            }
            double bytes = n * Math.max(1, byteSize(t.getDataType()));
            if (bytes > limits.maxTensorBytes()) {
                throw new ModelTooLargeException(sha, "weight '" + t.getName() + "' declares "
                        + String.format(Locale.ROOT, "%.3g", n) + " elements (" + ModelLimits.bytesText(bytes)
                        + "), above the limit of " + ModelLimits.bytesText(limits.maxTensorBytes()) + " per tensor");
            }
            if (!t.getRawData().isEmpty()) {
                int width = byteSize(t.getDataType());
                if (width > 0 && t.getRawData().size() != (long) n * width) {
                    throw new ModelFileInvalidException(sha, "weight '" + t.getName() + "' declares " + (long) n
                            + " elements but holds " + t.getRawData().size() + " bytes");
                }
            }
        }
    }

    private static int byteSize(int onnxCode) {
        try {
            return DType.fromOnnxCode(onnxCode).byteSize();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static String describe(InvalidProtocolBufferException e) {
        String m = e.getMessage();
        if (m != null && m.contains("truncated")) {
            return "the file is truncated";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
