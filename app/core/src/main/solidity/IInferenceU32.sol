// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// OpenGradient's ONNX inference contract layout of Oct-Nov 2024 (sdk src/opengradient/abi/inference.abi at
/// b51f7ce): the shape is uint32[]. InferenceResult topic0 0x704948ef..., run selector 0xcbf09d80 (also the
/// selector of the jsons layout, IInferenceU32Jsons, whose input is the same).
interface IInferenceU32 {
    struct Number {
        int128 value;
        int128 decimals;
    }

    struct NumberTensor {
        string name;
        Number[] values;
        uint32[] shape;
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
