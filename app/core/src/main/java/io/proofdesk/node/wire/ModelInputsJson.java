package io.proofdesk.node.wire;

import java.util.List;

/** The JSON document a node request carries, as a string, in {@code model_inputs}. */
public record ModelInputsJson(List<NumberTensorJson> numbers, List<StringTensorJson> strings) {
    public ModelInputsJson {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        strings = strings == null ? List.of() : List.copyOf(strings);
    }
}
