// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IInferenceJsons} from "proofdesk-core/IInferenceJsons.sol";
import {ModelInferenceMode, ModelInput} from "proofdesk-core/TensorLib.sol";

/// The demo network's ONNX inference contract in the newer layout (ModelOutput with `jsons`).
/// Same differences from the real network as Inference.sol.
contract InferenceJsons is IInferenceJsons {
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
