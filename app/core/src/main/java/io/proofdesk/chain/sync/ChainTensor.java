package io.proofdesk.chain.sync;

import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;

import java.math.BigInteger;
import java.util.List;

/** A MultiDimensionalNumberTensor as decoded from calldata or a log, before its shape is checked. */
record ChainTensor(String name, List<FixedPointNumber> values, List<BigInteger> shape) {

    ChainTensor {
        values = List.copyOf(values);
        shape = List.copyOf(shape);
    }

    FixedPointTensor toFixedPoint() throws RecordProblem {
        return new FixedPointTensor(name, values, TensorDecoder.shapeOf(shape, name));
    }

    static List<FixedPointTensor> toFixedPoint(List<ChainTensor> tensors) throws RecordProblem {
        List<FixedPointTensor> out = new java.util.ArrayList<>(tensors.size());
        for (ChainTensor t : tensors) {
            out.add(t.toFixedPoint());
        }
        return out;
    }
}
