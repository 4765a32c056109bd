// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// OpenGradient's ONNX inference contract layout since Nov 2024 (sdk src/opengradient/abi/inference.abi at
/// a7449e4): uint32[] shape and a `jsons` array of (name, value) between strings and the simulation flag.
/// InferenceResult topic0 0xc1396ff6...; run is IInferenceU32's (selector 0xcbf09d80).
interface IInferenceU32Jsons {
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

    struct JsonScalar {
        string name;
        string value;
    }

    struct ModelOutput {
        NumberTensor[] numbers;
        StringTensor[] strings;
        JsonScalar[] jsons;
        bool is_simulation_result;
    }

    event InferenceResult(ModelOutput output);
}
