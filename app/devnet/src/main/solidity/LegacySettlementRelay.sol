// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Test fixture, not deployed by the demo network: OpenGradient's first settlement relay, `SettlementRelay` of
/// inference-facilitator contracts/settlement.sol at commit 75573156c177bac238994ac1c442fef5a10eaebb (Dec 2025),
/// with its events and write functions exactly as there (same topics and selectors). The real contract gates the
/// writes with OpenZeppelin AccessControl (SETTLEMENT_RELAY_ROLE); here only the deployer may write, which emits
/// the same logs. Its events name no TEE, no signature and no blob.
contract LegacySettlementRelay {
    address private immutable relay;

    event Settlement(bytes32 indexed inputHash, bytes32 indexed outputHash);

    event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize);

    event SettlementWithMetadata(
        bytes32 indexed inputHash,
        bytes32 indexed outputHash,
        string modelInfo,
        bytes inputData,
        bytes outputData
    );

    constructor() {
        relay = msg.sender;
    }

    modifier onlyRelay() {
        require(msg.sender == relay, "not the relay");
        _;
    }

    function settle(bytes32 _inputHash, bytes32 _outputHash) external onlyRelay {
        emit Settlement(_inputHash, _outputHash);
    }

    function batchSettle(bytes32 _merkleRoot, uint256 _batchSize) external onlyRelay {
        emit BatchSettlement(_merkleRoot, _batchSize);
    }

    function settleWithMetadata(
        bytes32 _inputHash,
        bytes32 _outputHash,
        string calldata _modelInfo,
        bytes calldata _inputData,
        bytes calldata _outputData
    ) external onlyRelay {
        emit SettlementWithMetadata(_inputHash, _outputHash, _modelInfo, _inputData, _outputData);
    }
}
