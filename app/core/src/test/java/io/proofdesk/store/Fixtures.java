package io.proofdesk.store;

import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Test-data builders for the store tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    private Fixtures() {
    }

    /** A deterministic 0x-prefixed bytes32 hex for a number. */
    static String hash(long n) {
        return "0x" + HexFormat.of().toHexDigits(n) + "0".repeat(48);
    }

    static InferenceBuilder anInference(long n) {
        return new InferenceBuilder(n);
    }

    static final class InferenceBuilder {
        private RecordId id;
        private InferenceMode mode = InferenceMode.TEE;
        private String model;
        private String version = "1.0";
        private String tee;
        private String node;
        private SettlementKind settlement = SettlementKind.INDIVIDUAL;
        private long block;
        private Instant time;
        private List<Tensor> inputs = List.of();
        private List<Tensor> outputs = List.of();
        private Evidence evidence = Evidence.trustedSingleEndpoint();

        InferenceBuilder(long n) {
            id = RecordId.of(hash(n), n % 7);
            model = "model-" + (n % 3);
            tee = hash(1000 + n % 4);
            node = "http://127.0.0.1:900" + (n % 4);
            block = 100 + n / 2;
            time = T0.plusSeconds(n);
        }

        InferenceBuilder id(RecordId v) {
            id = v;
            return this;
        }

        InferenceBuilder mode(InferenceMode v) {
            mode = v;
            return this;
        }

        InferenceBuilder model(String v) {
            model = v;
            return this;
        }

        InferenceBuilder block(long v) {
            block = v;
            return this;
        }

        InferenceBuilder time(Instant v) {
            time = v;
            return this;
        }

        InferenceBuilder batchLeaf(int leaf) {
            id = RecordId.leaf(id.txHash(), id.logIndex(), leaf);
            settlement = SettlementKind.BATCH;
            return this;
        }

        InferenceBuilder evidence(Evidence v) {
            evidence = v;
            return this;
        }

        InferenceBuilder onChain() {
            settlement = SettlementKind.ONCHAIN;
            tee = null;
            mode = InferenceMode.VANILLA;
            return this;
        }

        InferenceBuilder withTensors() {
            inputs = List.of(Tensor.ofFloats("x", new long[] {1, 3}, new float[] {1.5f, -2f, 3.25f}));
            outputs = List.of(Tensor.ofLongs("label", new long[] {1}, new long[] {7}),
                    Tensor.ofStrings("names", new long[] {2}, List.of("cat", "dög")));
            return this;
        }

        InferenceBuilder tensors(List<Tensor> in, List<Tensor> out) {
            inputs = in;
            outputs = out;
            return this;
        }

        Inference build() {
            boolean batch = settlement == SettlementKind.BATCH;
            return new Inference(id, mode, model, version, tee, node, settlement, block, time,
                    "0x00000000000000000000000000000000000000aa", hash(7), hash(8),
                    Bytes.of(new byte[] {1, 2, 3, (byte) 0xff}), "blob-" + id.txHash().substring(2, 10),
                    batch ? hash(9) : null, batch ? List.of(hash(10), hash(11)) : List.of(), inputs, outputs, null, evidence);
        }
    }

    static Tensor rawTensor(String name, DType type, long[] shape, byte[] data) {
        return new Tensor(name, type, shape, data, null);
    }
}
