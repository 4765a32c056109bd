// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// OpenGradient's inference precompile at 0x00000000000000000000000000000000000000F4 (sdk
/// src/opengradient/abi/InferencePrecompile.abi at d5a74e9, Apr 2025): the ONNX part of it. The Inference contract's
/// `run` calls the precompile's `runModelInference`, which logs ModelInferenceEvent with an inference id, the whole request
/// and the response, whose output is empty when the node runs the model asynchronously (the SDK then asks the node
/// API for the result by that id). Only the event is declared: a sync reads logs, and the precompile's `run` functions
/// and LLM events (LLMChat, LLMCompletionEvent) are not read here.
interface IInferencePrecompile {
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

    struct ModelInput {
        NumberTensor[] numbers;
        StringTensor[] strings;
    }

    struct ModelInferenceRequest {
        uint8 mode;
        string modelCID;
        ModelInput input;
    }

    struct ModelOutput {
        NumberTensor[] numbers;
        StringTensor[] strings;
        JsonScalar[] jsons;
        bool is_simulation_result;
    }

    event ModelInferenceEvent(string inferenceID, ModelInferenceRequest request, ModelOutput response);
}
