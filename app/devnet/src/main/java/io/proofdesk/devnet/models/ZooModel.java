package io.proofdesk.devnet.models;

import io.proofdesk.node.cid.Cid;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.reexec.TensorSpec;

import java.util.List;
import java.util.Objects;

/**
 * One model file of the demo network's zoo: registry name and version ("1.00", as the hub writes them), what it
 * does, the ONNX bytes and its declared inputs and outputs.
 */
public record ZooModel(String name, String version, ModelKind kind, String description, byte[] bytes,
                       List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ZooModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        bytes = bytes.clone();
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The CIDv0 the hub registers for this file. */
    public Cid cid() {
        return Cid.v0(bytes);
    }

    /** SHA-256 hex, what nodes report as {@code model_hash}. */
    public String sha256() {
        return Sha256.hex(bytes);
    }

    /** "credit-mlp@1.00" */
    public String id() {
        return name + "@" + version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZooModel m && name.equals(m.name) && version.equals(m.version)
                && java.util.Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "ZooModel[" + id() + ", " + kind + ", " + bytes.length + " bytes]";
    }
}
