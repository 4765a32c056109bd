// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {TensorLib, ModelInferenceMode, ModelInput} from "./TensorLib.sol";

/// The newer ONNX inference contract layout: ModelOutput gains a `jsons` array between `strings`
/// and the simulation flag. The event is still named InferenceResult, but its topic0 differs from
/// IInference's (the tuple type is part of the signature), which is how a reader tells the layouts apart.
/// `run` has the same selector as IInference.run (only inputs go into a selector).
interface IInferenceJsons {
    struct ModelOutput {
        TensorLib.MultiDimensionalNumberTensor[] numbers;
        TensorLib.StringTensor[] strings;
        TensorLib.JsonTensor[] jsons;
        bool is_simulation_result;
    }

    /// One demo-network inference record for runManyWithResults.
    struct InferenceRecord {
        string modelId;
        ModelInferenceMode inferenceMode;
        ModelInput modelInput;
        ModelOutput modelOutput;
    }

    event InferenceResult(ModelOutput output);

    function run(string calldata modelId, ModelInferenceMode inferenceMode, ModelInput calldata modelInput)
        external
        returns (ModelOutput memory);

    /// Demo network only, see IInference.runWithResult.
    function runWithResult(
        string calldata modelId,
        ModelInferenceMode inferenceMode,
        ModelInput calldata modelInput,
        ModelOutput calldata modelOutput
    ) external;

    /// Demo network only: records many results in one transaction, emitting InferenceResult for
    /// records[0], records[1], ... in order. The k-th InferenceResult log this contract emits in the
    /// transaction belongs to records[k], whose modelId, mode and input are in the calldata.
    function runManyWithResults(InferenceRecord[] calldata records) external;
}
