package io.proofdesk.node;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.StringTensorJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Between tensors and a node request's {@code model_inputs} document (fixed-point numbers, string tensors). */
public final class ModelInputsCodec {

    private final FixedPointCodec codec = new FixedPointCodec();

    public ModelInputsJson encode(Collection<Tensor> inputs) {
        List<NumberTensorJson> numbers = new ArrayList<>();
        List<StringTensorJson> strings = new ArrayList<>();
        for (Tensor t : inputs) {
            if (t.type() == DType.STRING) {
                strings.add(new StringTensorJson(t.name(), t.strings(), boxed(t.shape())));
            } else {
                numbers.add(toJson(codec.encode(t)));
            }
        }
        return new ModelInputsJson(numbers, strings);
    }

    public static NumberTensorJson toJson(FixedPointTensor fp) {
        List<FixedPointValue> values = new ArrayList<>(fp.values().size());
        for (FixedPointNumber n : fp.values()) {
            values.add(new FixedPointValue(n.value(), n.decimals()));
        }
        return new NumberTensorJson(fp.name(), values, boxed(fp.shape()));
    }

    /** The fixed-point tensor a number entry describes; malformed entries are refused with the tensor's name. */
    public static FixedPointTensor fromJson(NumberTensorJson n) {
        if (n.values() == null || n.shape() == null) {
            throw new IllegalArgumentException("number tensor '" + n.name() + "' needs values and shape");
        }
        List<FixedPointNumber> values = new ArrayList<>(n.values().size());
        for (FixedPointValue v : n.values()) {
            if (v == null || v.value() == null || v.decimals() == null) {
                throw new IllegalArgumentException("number tensor '" + n.name() + "' has a value without value/decimals");
            }
            values.add(new FixedPointNumber(v.value(), v.decimals()));
        }
        return new FixedPointTensor(n.name(), values, n.shape().stream().mapToLong(Long::longValue).toArray());
    }

    private static List<Long> boxed(long[] shape) {
        List<Long> out = new ArrayList<>(shape.length);
        for (long d : shape) {
            out.add(d);
        }
        return out;
    }
}
