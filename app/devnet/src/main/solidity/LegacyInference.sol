// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IInferenceNoShape} from "proofdesk-core/IInferenceNoShape.sol";
import {IInferenceU32} from "proofdesk-core/IInferenceU32.sol";
import {IInferenceU32Jsons} from "proofdesk-core/IInferenceU32Jsons.sol";

/// Test fixtures, not deployed by the demo network: OpenGradient's older inference-contract layouts with a real
/// `run` (same selector as the real contract's), which logs InferenceResult in that layout with the input as output,
/// so a sync test reads calldata and logs of each older generation from a real chain.
contract LegacyInferenceNoShape is IInferenceNoShape {
    function run(string calldata, uint8, ModelInput calldata modelInput) external returns (ModelOutput memory out) {
        out.numbers = modelInput.numbers;
        out.strings = modelInput.strings;
        emit InferenceResult(out);
    }
}

/// As LegacyInferenceNoShape, for the uint32[]-shape layout.
contract LegacyInferenceU32 is IInferenceU32 {
    function run(string calldata, uint8, ModelInput calldata modelInput) external returns (ModelOutput memory out) {
        out.numbers = modelInput.numbers;
        out.strings = modelInput.strings;
        emit InferenceResult(out);
    }
}

/// As LegacyInferenceNoShape, for the uint32[]-shape layout with `jsons` (since Nov 2024). Its input is the uint32[]
/// layout's (run's selector is unchanged, 0xcbf09d80), declared with this interface's own tensor structs, which have
/// the same fields; it logs the input back plus one JSON document named "meta".
contract LegacyInferenceU32Jsons is IInferenceU32Jsons {
    struct ModelInput {
        NumberTensor[] numbers;
        StringTensor[] strings;
    }

    function run(string calldata, uint8, ModelInput calldata modelInput) external returns (ModelOutput memory out) {
        out.numbers = modelInput.numbers;
        out.strings = modelInput.strings;
        out.jsons = new JsonScalar[](1);
        out.jsons[0] = JsonScalar("meta", "{\"ok\":true,\"n\":[1,2]}");
        emit InferenceResult(out);
    }
}
