// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

// Tensor types of OpenGradient's ONNX inference contract (sdk src/opengradient/abi/inference.abi).
// Field order and types are what the ABI encoding depends on; they must never change.
// A Number is value / 10^decimals; tensors are flattened row-major with the shape kept separately.
library TensorLib {
    struct Number {
        int128 value;
        int128 decimals;
    }

    struct MultiDimensionalNumberTensor {
        string name;
        Number[] values;
        int256[] shape;
    }

    struct StringTensor {
        string name;
        string[] values;
    }

    // Newer ModelOutput layout only: a named JSON document.
    struct JsonTensor {
        string name;
        string value;
    }
}

// VANILLA = 0, ZKML = 1, TEE = 2 (sdk types.py); encoded as uint8.
enum ModelInferenceMode {
    VANILLA,
    ZKML,
    TEE
}

struct ModelInput {
    TensorLib.MultiDimensionalNumberTensor[] numbers;
    TensorLib.StringTensor[] strings;
}
