package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.proofdesk.domain.DType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Proofdesk learns from a model file before handing it to ONNX Runtime: its SHA-256, IR version, opsets and
 * signature. {@link #parse} is the gate every model passes: size cap, protobuf parse, structure, declared sizes.
 */
public record OnnxModelFile(String sha256, int sizeBytes, long irVersion, Map<String, Long> opsets,
                            String producer, ModelSignature signature) {

    public OnnxModelFile {
        opsets = Map.copyOf(opsets);
    }

    public static OnnxModelFile parse(byte[] bytes, ModelLimits limits) {
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
            double smallest = input.minimumElements();
            if (smallest > limits.maxTensorElements()) {
                throw new ModelFileInvalidException(sha, "input '" + input.name() + "' declares shape "
                        + input.shapeText() + " (" + String.format("%.3g", smallest) + " elements), above the limit of "
                        + limits.maxTensorElements() + " elements");
            }
        }
        Map<String, Long> opsets = new LinkedHashMap<>();
        model.getOpsetImportList().forEach(o -> opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(),
                o.getVersion()));
        return new OnnxModelFile(sha, bytes.length, model.getIrVersion(), opsets,
                (model.getProducerName() + " " + model.getProducerVersion()).strip(), signature);
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
            if (n > limits.maxTensorElements()) {
                throw new ModelFileInvalidException(sha, "weight '" + t.getName() + "' declares "
                        + String.format("%.3g", n) + " elements, above the limit of " + limits.maxTensorElements());
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
