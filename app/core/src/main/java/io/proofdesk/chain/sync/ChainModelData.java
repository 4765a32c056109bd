package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import io.proofdesk.reexec.FixedPointNumber;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A ModelInput or ModelOutput in one neutral form, whichever wrapper layout it was decoded with. {@code jsons} are
 * the newer layouts' named JSON documents (kept as one-element string tensors marked as JSON). The first OpenGradient layout has no
 * shape field: its tensors are kept flat (one dimension of the value count), as the chain states nothing more.
 */
record ChainModelData(List<ChainTensor> numbers, List<NamedStrings> strings) {

    ChainModelData {
        numbers = List.copyOf(numbers);
        strings = List.copyOf(strings);
    }

    static ChainModelData of(IInference.ModelInput in) {
        return new ChainModelData(numbers(in.numbers), strings(in.strings));
    }

    static ChainModelData of(IInference.ModelOutput out) {
        return new ChainModelData(numbers(out.numbers), strings(out.strings));
    }

    static ChainModelData of(IInferenceJsons.ModelInput in) {
        return new ChainModelData(numbersJ(in.numbers), stringsJ(in.strings));
    }

    static ChainModelData of(IInferenceJsons.ModelOutput out) {
        List<NamedStrings> strings = new ArrayList<>(stringsJ(out.strings));
        for (IInferenceJsons.JsonTensor j : out.jsons) {
            strings.add(NamedStrings.json(j.name, j.value));
        }
        return new ChainModelData(numbersJ(out.numbers), strings);
    }

    static ChainModelData of(IInferenceNoShape.ModelInput in) {
        return new ChainModelData(numbersNoShape(in.numbers), in.strings.stream()
                .map(t -> new NamedStrings(t.name, t.values, null)).toList());
    }

    static ChainModelData of(IInferenceNoShape.ModelOutput out) {
        return new ChainModelData(numbersNoShape(out.numbers), out.strings.stream()
                .map(t -> new NamedStrings(t.name, t.values, null)).toList());
    }

    static ChainModelData of(IInferenceU32.ModelInput in) {
        return new ChainModelData(numbersU32(in.numbers), in.strings.stream()
                .map(t -> new NamedStrings(t.name, t.values, null)).toList());
    }

    static ChainModelData of(IInferenceU32.ModelOutput out) {
        return new ChainModelData(numbersU32(out.numbers), out.strings.stream()
                .map(t -> new NamedStrings(t.name, t.values, null)).toList());
    }

    static ChainModelData of(IInferenceU32Jsons.ModelOutput out) {
        List<NamedStrings> strings = new ArrayList<>(out.strings.stream()
                .map(t -> new NamedStrings(t.name, t.values, null)).toList());
        for (IInferenceU32Jsons.JsonScalar j : out.jsons) {
            strings.add(NamedStrings.json(j.name, j.value));
        }
        List<ChainTensor> numbers = out.numbers.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(), t.shape)).toList();
        return new ChainModelData(numbers, strings);
    }

    private static List<ChainTensor> numbersNoShape(List<IInferenceNoShape.NumberTensor> ts) {
        return ts.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(),
                List.of(BigInteger.valueOf(t.values.size())))).toList();
    }

    private static List<ChainTensor> numbersU32(List<IInferenceU32.NumberTensor> ts) {
        return ts.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(), t.shape)).toList();
    }

    private static List<ChainTensor> numbers(List<IInference.MultiDimensionalNumberTensor> ts) {
        return ts.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(), t.shape)).toList();
    }

    private static List<NamedStrings> strings(List<IInference.StringTensor> ts) {
        return ts.stream().map(t -> new NamedStrings(t.name, t.values, null)).toList();
    }

    private static List<ChainTensor> numbersJ(List<IInferenceJsons.MultiDimensionalNumberTensor> ts) {
        return ts.stream().map(t -> new ChainTensor(t.name, t.values.stream()
                .map(v -> new FixedPointNumber(v.value, v.decimals)).toList(), t.shape)).toList();
    }

    private static List<NamedStrings> stringsJ(List<IInferenceJsons.StringTensor> ts) {
        return ts.stream().map(t -> new NamedStrings(t.name, t.values, null)).toList();
    }
}
