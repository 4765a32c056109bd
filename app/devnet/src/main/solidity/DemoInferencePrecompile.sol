// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IInferencePrecompile} from "proofdesk-core/IInferencePrecompile.sol";

/// Stands in for OpenGradient's inference precompile (0x...00F4) on anvil: its runtime code is put at that address
/// (anvil_setCode) and it logs ModelInferenceEvent exactly as it is given, with an empty response for a result run
/// asynchronously, whose output the demo node API (NodeApiService) then serves by inference id. The real precompile
/// runs the model itself; this one only states what the demo node says it ran. Test fixture, not deployed by the
/// demo network's seeding.
contract DemoInferencePrecompile is IInferencePrecompile {
    function emitInference(string calldata inferenceID, ModelInferenceRequest calldata request,
                           ModelOutput calldata response) external {
        emit ModelInferenceEvent(inferenceID, request, response);
    }
}
