// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IInference, ModelOutput} from "proofdesk-core/IInference.sol";
import {ModelInferenceMode, ModelInput} from "proofdesk-core/TensorLib.sol";

/// The demo network's ONNX inference contract (original ModelOutput layout).
/// The real `run` calls the inference precompile (0x...F4), which executes the model; anvil has
/// none, so `run` reverts here and the demo node, which executed the model itself, calls
/// `runWithResult`. See IInference for how the calldata stays decodable like `run`'s.
contract Inference is IInference {
    error InferencePrecompileUnavailable();

    function run(string calldata, ModelInferenceMode, ModelInput calldata) external pure returns (ModelOutput memory) {
        revert InferencePrecompileUnavailable();
    }

    function runWithResult(
        string calldata,
        ModelInferenceMode,
        ModelInput calldata,
        ModelOutput calldata modelOutput
    ) external {
        emit InferenceResult(modelOutput);
    }

    function runManyWithResults(InferenceRecord[] calldata records) external {
        for (uint256 i = 0; i < records.length; i++) {
            emit InferenceResult(records[i].modelOutput);
        }
    }
}
