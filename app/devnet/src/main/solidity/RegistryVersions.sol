// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Test fixtures, not deployed by the demo network: TEE registries in the shapes of OpenGradient's other TEERegistry
/// versions, with their events and their getTEE answer exactly as the real ones (same topics, same selector, same
/// ABI layout), and plain admin writes instead of the real Nitro-attested registration, so that a sync and a
/// gateway check read a real chain of each version.

/// og-evm contracts/solidity/TEERegistry.sol at 9792d76 (Feb 2026) with 758e149's revocation and removal events
/// (Mar 10 2026): `active`/`lastUpdatedAt`, TEEActivated/TEEDeactivated, PCRApproved without a TEE type,
/// PCRRevoked with a grace period, TEERemoved.
contract TEERegistryFeb2026 {
    struct TEEInfo {
        address owner;
        address paymentAddress;
        string endpoint;
        bytes publicKey;
        bytes tlsCertificate;
        bytes32 pcrHash;
        uint8 teeType;
        bool active;
        uint256 registeredAt;
        uint256 lastUpdatedAt;
    }

    mapping(bytes32 => TEEInfo) private tees;

    event PCRApproved(bytes32 indexed pcrHash, string version);
    event PCRRevoked(bytes32 indexed pcrHash, uint256 gracePeriod);
    event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType);
    event TEEDeactivated(bytes32 indexed teeId);
    event TEEActivated(bytes32 indexed teeId);
    event TEERemoved(bytes32 indexed teeId);
    event HeartbeatReceived(bytes32 indexed teeId, uint256 timestamp);

    function approvePCR(bytes32 pcrHash, string calldata version) external {
        emit PCRApproved(pcrHash, version);
    }

    function revokePCR(bytes32 pcrHash, uint256 gracePeriod) external {
        emit PCRRevoked(pcrHash, gracePeriod);
    }

    function registerTEE(bytes calldata publicKey, string calldata endpoint, bytes32 pcrHash, uint8 teeType)
        external
        returns (bytes32 teeId)
    {
        teeId = keccak256(publicKey);
        tees[teeId] = TEEInfo(msg.sender, msg.sender, endpoint, publicKey, "", pcrHash, teeType, true,
            block.timestamp, block.timestamp);
        emit TEERegistered(teeId, msg.sender, teeType);
    }

    function deactivateTEE(bytes32 teeId) external {
        tees[teeId].active = false;
        emit TEEDeactivated(teeId);
    }

    function activateTEE(bytes32 teeId) external {
        tees[teeId].active = true;
        emit TEEActivated(teeId);
    }

    function heartbeat(bytes32 teeId, uint256 timestamp) external {
        tees[teeId].lastUpdatedAt = block.timestamp;
        emit HeartbeatReceived(teeId, timestamp);
    }

    function removeTEE(bytes32 teeId) external {
        delete tees[teeId];
        emit TEERemoved(teeId);
    }

    function getTEE(bytes32 teeId) external view returns (TEEInfo memory) {
        return tees[teeId];
    }
}

/// The newest registry's read (OpenGradient-SDK abi/TEERegistry.abi since 45e90e0, May 2026): TEEInfo ends in an
/// ohttpConfig tuple; events as og-evm 8d35b76 (TEEEnabled/TEEDisabled, PCRRevoked with a TEE type).
contract TEERegistryOhttp {
    struct OHTTPConfig {
        uint8 keyId;
        uint16 kemId;
        uint16 kdfId;
        uint16 aeadId;
        bytes publicKey;
        bytes keyConfig;
        uint256 registeredAt;
    }

    struct TEEInfo {
        address owner;
        address paymentAddress;
        string endpoint;
        bytes publicKey;
        bytes tlsCertificate;
        bytes32 pcrHash;
        uint8 teeType;
        bool enabled;
        uint256 registeredAt;
        uint256 lastHeartbeatAt;
        OHTTPConfig ohttpConfig;
    }

    mapping(bytes32 => TEEInfo) private tees;

    event PCRApproved(bytes32 indexed pcrHash, uint8 indexed teeType, string version);
    event PCRRevoked(bytes32 indexed pcrHash, uint8 indexed teeType);
    event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType);
    event TEEDisabled(bytes32 indexed teeId);
    event TEEEnabled(bytes32 indexed teeId);

    function approvePCR(bytes32 pcrHash, uint8 teeType, string calldata version) external {
        emit PCRApproved(pcrHash, teeType, version);
    }

    function revokePCR(bytes32 pcrHash, uint8 teeType) external {
        emit PCRRevoked(pcrHash, teeType);
    }

    function registerTEE(bytes calldata publicKey, string calldata endpoint, bytes32 pcrHash, uint8 teeType)
        external
        returns (bytes32 teeId)
    {
        teeId = keccak256(publicKey);
        TEEInfo storage t = tees[teeId];
        t.owner = msg.sender;
        t.paymentAddress = msg.sender;
        t.endpoint = endpoint;
        t.publicKey = publicKey;
        t.pcrHash = pcrHash;
        t.teeType = teeType;
        t.enabled = true;
        t.registeredAt = block.timestamp;
        t.lastHeartbeatAt = block.timestamp;
        t.ohttpConfig = OHTTPConfig(1, 0x20, 1, 1, hex"0102", hex"0304", block.timestamp);
        emit TEERegistered(teeId, msg.sender, teeType);
    }

    function disableTEE(bytes32 teeId) external {
        tees[teeId].enabled = false;
        emit TEEDisabled(teeId);
    }

    function enableTEE(bytes32 teeId) external {
        tees[teeId].enabled = true;
        emit TEEEnabled(teeId);
    }

    function getTEE(bytes32 teeId) external view returns (TEEInfo memory) {
        return tees[teeId];
    }
}
