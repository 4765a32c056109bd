// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {TensorLib, ModelInferenceMode, ModelInput} from "./TensorLib.sol";

// The original ModelOutput layout: numbers, strings, simulation flag.
struct ModelOutput {
    TensorLib.MultiDimensionalNumberTensor[] numbers;
    TensorLib.StringTensor[] strings;
    bool is_simulation_result;
}

/// What Proofdesk reads from OpenGradient's ONNX inference contract (original ModelOutput layout).
///
/// On the real network `run` calls the inference precompile, which executes the model and the
/// contract logs only the output; the input is recoverable from the transaction's calldata.
/// The demo network has no such precompile, so its node executes the model itself and records the
/// result with `runWithResult`, whose first three parameters are exactly `run`'s: the same ABI
/// head/tail layout after the 4-byte selector, so one decoder recovers (modelId, mode, input) from
/// either call, and the output is in the `InferenceResult` log on both networks. To seed many records
/// quickly the demo network may instead use `runManyWithResults`; see there for how a log maps to its
/// record in the calldata.
interface IInference {
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

    /// Demo network only: records a result computed off-chain by the node. Emits InferenceResult(output).
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
