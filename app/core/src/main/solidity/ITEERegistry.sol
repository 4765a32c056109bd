// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// What Proofdesk reads from OpenGradient's TEE registry (og-evm contracts/solidity/TEERegistry.sol):
/// structs, events and read functions with the real signatures, plus the admin/owner writes whose
/// effects (events) an auditor replays. Registration itself differs per network and is not here:
/// the real `registerTEEWithAttestation` verifies a Nitro attestation through a precompile.
interface ITEERegistry {
    struct PCRMeasurements {
        bytes pcr0;
        bytes pcr1;
        bytes pcr2;
    }

    struct ApprovedPCR {
        bool active;
        uint8 teeType;
        uint256 approvedAt;
        string version;
    }

    struct TEETypeInfo {
        string name;
        bool active;
        uint256 addedAt;
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
    }

    struct PCRKey {
        bytes32 pcrHash;
        uint8 teeType;
    }

    event TEETypeAdded(uint8 indexed typeId, string name);
    event TEETypeDeactivated(uint8 indexed typeId);
    event PCRApproved(bytes32 indexed pcrHash, uint8 indexed teeType, string version);
    event PCRRevoked(bytes32 indexed pcrHash);
    event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType);
    event TEEDisabled(bytes32 indexed teeId);
    event TEEEnabled(bytes32 indexed teeId);
    event AWSCertificateUpdated(bytes32 indexed certHash);
    event HeartbeatReceived(bytes32 indexed teeId, uint256 timestamp);

    // admin
    function setAWSRootCertificate(bytes calldata certificate) external;
    function addTEEType(uint8 typeId, string calldata name) external;
    function deactivateTEEType(uint8 typeId) external;
    function approvePCR(PCRMeasurements calldata pcrs, string calldata version, uint8 teeType) external;
    function revokePCR(bytes32 pcrHash, uint8 teeType) external;
    function setHeartbeatMaxAge(uint256 maxAge) external;

    // TEE owner or admin
    function disableTEE(bytes32 teeId) external;
    function enableTEE(bytes32 teeId) external;
    function heartbeat(bytes32 teeId, uint256 timestamp, bytes calldata signature) external;

    // reads
    function awsRootCertificate() external view returns (bytes memory);
    function heartbeatMaxAge() external view returns (uint256);
    function approvedPCRs(uint8 teeType, bytes32 pcrHash)
        external
        view
        returns (bool active, uint8 pcrTeeType, uint256 approvedAt, string memory version);
    function isValidTEEType(uint8 typeId) external view returns (bool);
    function getTEETypes() external view returns (uint8[] memory typeIds, TEETypeInfo[] memory infos);
    function isPCRApproved(uint8 teeType, bytes32 pcrHash) external view returns (bool);
    function computePCRHash(PCRMeasurements calldata pcrs) external pure returns (bytes32);
    function getActivePCRs() external view returns (PCRKey[] memory);
    function getTEE(bytes32 teeId) external view returns (TEEInfo memory);
    function getEnabledTEEs(uint8 teeType) external view returns (bytes32[] memory);
    function getActiveTEEs(uint8 teeType) external view returns (TEEInfo[] memory);
    function getTEEsByType(uint8 teeType) external view returns (bytes32[] memory);
    function getTEEsByOwner(address owner) external view returns (bytes32[] memory);
    function isTEEEnabled(bytes32 teeId) external view returns (bool);
    function isTEEActive(bytes32 teeId) external view returns (bool);
    function getTEEPublicKey(bytes32 teeId) external view returns (bytes memory);
    function computeTEEId(bytes calldata publicKey) external pure returns (bytes32);
}
