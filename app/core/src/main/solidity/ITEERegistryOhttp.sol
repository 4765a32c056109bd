// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// The newest TEERegistry's reads whose answer changed shape: TEEInfo gained an `ohttpConfig` tuple (the HPKE key
/// a client encrypts Oblivious HTTP requests to). The layout is that of OpenGradient-SDK
/// src/opengradient/abi/TEERegistry.abi at commit 45e90e0 (2026-05-29) and later; selectors are unchanged, so a
/// reader tells this layout from ITEERegistry's by the answer, not by the call.
interface ITEERegistryOhttp {
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

    function getTEE(bytes32 teeId) external view returns (TEEInfo memory);
    function getActiveTEEs(uint8 teeType) external view returns (TEEInfo[] memory);
    function getOHTTPConfig(bytes32 teeId) external view returns (OHTTPConfig memory);
}
