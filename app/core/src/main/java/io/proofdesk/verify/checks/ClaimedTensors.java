package io.proofdesk.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A claimed output as written (JSON numbers of a blob, or stored tensors), read as the decimals it states: each
 * element's shortest decimal text becomes a fixed-point number, so the tensor can be decoded to the model's output
 * type exactly as a node decodes numbers, and the tolerance can follow the claim's own precision.
 */
final class ClaimedTensors {

    /** Above this many elements a claim is refused; the blob cap keeps honest ones far below. */
    static final int MAX_ELEMENTS = 1 << 24;

    private final String name;
    private final List<String> strings;
    private final long[] shape;
    /** A stored float claim read without BigDecimals; null for other claims. */
    private final ShortestDecimals stored;
    /** Null for strings; made from {@code stored} only if the general decoding path needs it. */
    private FixedPointTensor fixedPoint;
    /** Whether the claim's decimals are exactly as the network wrote them (an on-chain fixed-point claim). */
    private boolean fromDecimals;

    private ClaimedTensors(String name, FixedPointTensor fixedPoint, List<String> strings, long[] shape) {
        this(name, fixedPoint, strings, shape, null);
    }

    private ClaimedTensors(String name, FixedPointTensor fixedPoint, List<String> strings, long[] shape,
                           ShortestDecimals stored) {
        this.name = name;
        this.fixedPoint = fixedPoint;
        this.strings = strings;
        this.shape = shape;
        this.stored = stored;
    }

    String name() {
        return name;
    }

    boolean isString() {
        return strings != null;
    }

    /** Made from the exact decimals the chain stated ({@link #of}), not read back from a decoded tensor. */
    boolean fromDecimals() {
        return fromDecimals;
    }

    /** The claim's finest precision: the largest decimals among its numbers, 0 if none. */
    int maxDecimals() {
        return stored != null ? stored.maxDecimals() : fixedPoint().maxDecimals();
    }

    /** The claim as fixed-point numbers; null for a string claim. */
    FixedPointTensor fixedPoint() {
        if (fixedPoint == null && stored != null) {
            fixedPoint = stored.toFixedPoint(name, shape);
        }
        return fixedPoint;
    }

    /** The claim as a tensor of the local output's type. */
    Tensor as(DType type) {
        if (isString()) {
            return Tensor.ofStrings(name, shape, strings);
        }
        if (stored != null) {
            Tensor fast = stored.decode(name, shape, type);
            if (fast != null) {
                return fast;
            }
        }
        return new FixedPointCodec().decodeClaim(fixedPoint(), type);
    }

    /** One element of a node's {@code output} array: {name, shape, result, type}. */
    static ClaimedTensors fromJson(JsonNode o) {
        if (o == null || !o.isObject() || !o.path("name").isTextual() || !o.path("shape").isArray()
                || !o.path("result").isArray()) {
            throw new IllegalArgumentException("an output is not {name, shape, result, type}");
        }
        String name = o.get("name").textValue();
        JsonNode shapeNode = o.get("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!shapeNode.get(i).canConvertToLong()) {
                throw new IllegalArgumentException("output '" + name + "' has a non-integer dimension");
            }
            shape[i] = shapeNode.get(i).longValue();
        }
        Tensor.elementCount(shape);
        JsonNode result = o.get("result");
        if (result.size() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("output '" + name + "' has more than " + MAX_ELEMENTS + " elements");
        }
        if ("string".equals(o.path("type").asText())) {
            List<String> values = new ArrayList<>();
            result.forEach(v -> values.add(v.asText()));
            return new ClaimedTensors(name, null, values, shape);
        }
        List<FixedPointNumber> values = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            JsonNode v = result.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("output '" + name + "' element " + i + " is not a number");
            }
            values.add(decimal(v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(v.asText())));
        }
        return new ClaimedTensors(name, new FixedPointTensor(name, values, shape), null, shape);
    }

    /** An exact fixed-point claim, as the chain stated it. */
    static ClaimedTensors of(FixedPointTensor claimed) {
        ClaimedTensors c = new ClaimedTensors(claimed.name(), claimed, null, claimed.shape());
        c.fromDecimals = true;
        return c;
    }

    /** A stored tensor, each element read back as the shortest decimal of its own type. */
    static ClaimedTensors fromStored(Tensor t) {
        if (t.type() == DType.STRING) {
            return new ClaimedTensors(t.name(), null, t.strings(), t.shape());
        }
        ShortestDecimals fast = ShortestDecimals.read(t);
        if (fast != null) {
            return new ClaimedTensors(t.name(), null, null, t.shape(), fast);
        }
        double[] d = t.toDoubles();
        List<FixedPointNumber> values = new ArrayList<>(d.length);
        for (double v : d) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("stored output '" + t.name() + "' holds " + v);
            }
            String text = switch (t.type()) {
                case FLOAT, FLOAT16, BFLOAT16 -> Float.toString((float) v);
                case DOUBLE -> Double.toString(v);
                default -> Long.toString((long) v);
            };
            values.add(decimal(new BigDecimal(text)));
        }
        return new ClaimedTensors(t.name(), new FixedPointTensor(t.name(), values, t.shape()), null, t.shape());
    }

    private static FixedPointNumber decimal(BigDecimal d) {
        BigDecimal v = d.stripTrailingZeros();
        if (v.scale() > FixedPointCodec.MAX_DECIMALS) {
            v = v.setScale(FixedPointCodec.MAX_DECIMALS, RoundingMode.HALF_EVEN);
        }
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return new FixedPointNumber(v.unscaledValue(), BigInteger.valueOf(v.scale()));
    }
}
