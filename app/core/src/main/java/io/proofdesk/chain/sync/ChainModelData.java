package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.reexec.FixedPointNumber;

import java.util.ArrayList;
import java.util.List;

/**
 * A ModelInput or ModelOutput in one neutral form, whichever wrapper layout it was decoded with. {@code jsons} are
 * the newer layout's named JSON documents (kept as one-element string tensors).
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
            strings.add(new NamedStrings(j.name, List.of(j.value), new long[] {1}));
        }
        return new ChainModelData(numbersJ(out.numbers), strings);
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
