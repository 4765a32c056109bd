// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// OpenGradient's first ONNX inference contract layout (sdk src/opengradient/abi/inference.abi at 9b084b3, Sept
/// 2024): a number tensor has no shape field. InferenceResult topic0 0x9d104652..., run selector 0x17f7542e.
/// Proofdesk only reads it: the structs are declared here so their field order and types match that ABI exactly.
interface IInferenceNoShape {
    struct Number {
        int128 value;
        int128 decimals;
    }

    struct NumberTensor {
        string name;
        Number[] values;
    }

    struct StringTensor {
        string name;
        string[] values;
    }

    struct ModelInput {
        NumberTensor[] numbers;
        StringTensor[] strings;
    }

    struct ModelOutput {
        NumberTensor[] numbers;
        StringTensor[] strings;
        bool is_simulation_result;
    }

    event InferenceResult(ModelOutput output);

    function run(string calldata modelId, uint8 inferenceMode, ModelInput calldata modelInput)
        external
        returns (ModelOutput memory);
}
