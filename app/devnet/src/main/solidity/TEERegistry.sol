// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {ITEERegistry} from "proofdesk-core/ITEERegistry.sol";

/// The demo network's TEE registry: the real registry's storage, events, reads and admin rules
/// (og-evm TEERegistry.sol), with two documented differences because anvil has none of the
/// chain's precompiles (0x900 TEE verifier):
///  1. Registration is `registerTEE`, which takes the attestation document like the real
///     `registerTEEWithAttestation` but cannot verify it on-chain; the caller states the enclave's
///     PCR hash, which must be approved for the type. Proofdesk verifies the attestation document
///     off-chain (that is its job on the real network too).
///  2. `heartbeat` checks the timestamp window but not the RSA-PSS signature.
/// Roles are a plain admin + operator set instead of OpenZeppelin AccessControl (no OZ in the build).
contract TEERegistry is ITEERegistry {
    error NotAdmin();
    error TEETypeExists();
    error TEETypeNotFound();
    error InvalidTEEType();
    error PCRNotApproved();
    error TEEAlreadyExists();
    error TEENotFound();
    error TEENotEnabled();
    error NotTEEOwner();
    error NotOperator();
    error HeartbeatTimestampTooOld();
    error HeartbeatTimestampInFuture();

    address public immutable admin;
    mapping(address => bool) public operators;

    bytes public override awsRootCertificate;
    uint256 public override heartbeatMaxAge = 1800;

    mapping(uint8 => TEETypeInfo) public teeTypes;
    uint8[] private _teeTypeList;

    mapping(uint8 => mapping(bytes32 => ApprovedPCR)) public override approvedPCRs;
    PCRKey[] private _pcrList;

    mapping(bytes32 => TEEInfo) public tees;
    mapping(uint8 => bytes32[]) private _enabledTEEList;
    mapping(uint8 => mapping(bytes32 => uint256)) private _enabledTEEIndex;
    mapping(uint8 => bytes32[]) private _teesByType;
    mapping(address => bytes32[]) private _teesByOwner;

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin();
        _;
    }

    modifier onlyOperator() {
        if (msg.sender != admin && !operators[msg.sender]) revert NotOperator();
        _;
    }

    modifier onlyTEEOwnerOrAdmin(bytes32 teeId) {
        if (tees[teeId].registeredAt == 0) revert TEENotFound();
        bool isOwnerOperator = tees[teeId].owner == msg.sender && operators[msg.sender];
        if (msg.sender != admin && !isOwnerOperator) revert NotTEEOwner();
        _;
    }

    constructor() {
        admin = msg.sender;
        operators[msg.sender] = true;
    }

    function setOperator(address account, bool allowed) external onlyAdmin {
        operators[account] = allowed;
    }

    function setAWSRootCertificate(bytes calldata certificate) external onlyAdmin {
        awsRootCertificate = certificate;
        emit AWSCertificateUpdated(keccak256(certificate));
    }

    function addTEEType(uint8 typeId, string calldata name) external onlyAdmin {
        if (teeTypes[typeId].addedAt != 0) revert TEETypeExists();
        teeTypes[typeId] = TEETypeInfo({name: name, active: true, addedAt: block.timestamp});
        _teeTypeList.push(typeId);
        emit TEETypeAdded(typeId, name);
    }

    function deactivateTEEType(uint8 typeId) external onlyAdmin {
        if (teeTypes[typeId].addedAt == 0) revert TEETypeNotFound();
        teeTypes[typeId].active = false;
        emit TEETypeDeactivated(typeId);
    }

    function isValidTEEType(uint8 typeId) public view returns (bool) {
        return teeTypes[typeId].active;
    }

    function getTEETypes() external view returns (uint8[] memory typeIds, TEETypeInfo[] memory infos) {
        typeIds = _teeTypeList;
        infos = new TEETypeInfo[](_teeTypeList.length);
        for (uint256 i = 0; i < _teeTypeList.length; i++) {
            infos[i] = teeTypes[_teeTypeList[i]];
        }
    }

    function approvePCR(PCRMeasurements calldata pcrs, string calldata version, uint8 teeType) external onlyAdmin {
        if (!isValidTEEType(teeType)) revert InvalidTEEType();
        bytes32 pcrHash = computePCRHash(pcrs);
        bool isNew = approvedPCRs[teeType][pcrHash].approvedAt == 0;
        approvedPCRs[teeType][pcrHash] =
            ApprovedPCR({active: true, teeType: teeType, approvedAt: block.timestamp, version: version});
        if (isNew) {
            _pcrList.push(PCRKey({pcrHash: pcrHash, teeType: teeType}));
        }
        emit PCRApproved(pcrHash, teeType, version);
    }

    /// Revoking a PCR set disables every enabled TEE of that type running it, as on the real network.
    function revokePCR(bytes32 pcrHash, uint8 teeType) external onlyAdmin {
        if (!isPCRApproved(teeType, pcrHash)) revert PCRNotApproved();
        approvedPCRs[teeType][pcrHash].active = false;
        bytes32[] storage list = _enabledTEEList[teeType];
        for (uint256 i = list.length; i > 0; i--) {
            bytes32 teeId = list[i - 1];
            if (tees[teeId].pcrHash == pcrHash) {
                tees[teeId].enabled = false;
                _removeFromEnabledList(teeId, teeType);
                emit TEEDisabled(teeId);
            }
        }
        emit PCRRevoked(pcrHash);
    }

    function isPCRApproved(uint8 teeType, bytes32 pcrHash) public view returns (bool) {
        return approvedPCRs[teeType][pcrHash].active;
    }

    function computePCRHash(PCRMeasurements calldata pcrs) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(pcrs.pcr0, pcrs.pcr1, pcrs.pcr2));
    }

    function getActivePCRs() external view returns (PCRKey[] memory) {
        uint256 count = 0;
        for (uint256 i = 0; i < _pcrList.length; i++) {
            if (isPCRApproved(_pcrList[i].teeType, _pcrList[i].pcrHash)) count++;
        }
        PCRKey[] memory result = new PCRKey[](count);
        uint256 j = 0;
        for (uint256 i = 0; i < _pcrList.length; i++) {
            if (isPCRApproved(_pcrList[i].teeType, _pcrList[i].pcrHash)) result[j++] = _pcrList[i];
        }
        return result;
    }

    /// Demo-network registration. `attestationDocument` is carried in calldata (so it is on the
    /// record) but not verified: that needs the real chain's attestation precompile. `pcrHash` is
    /// what that precompile would have extracted from the document.
    function registerTEE(
        bytes calldata attestationDocument,
        bytes calldata signingPublicKey,
        bytes calldata tlsCertificate,
        address paymentAddress,
        string calldata endpoint,
        uint8 teeType,
        bytes32 pcrHash
    ) external onlyOperator returns (bytes32 teeId) {
        attestationDocument; // deliberately unverified, see above
        if (!isValidTEEType(teeType)) revert InvalidTEEType();
        teeId = keccak256(signingPublicKey);
        if (tees[teeId].registeredAt != 0) revert TEEAlreadyExists();
        if (!approvedPCRs[teeType][pcrHash].active) revert PCRNotApproved();

        tees[teeId] = TEEInfo({
            owner: msg.sender,
            paymentAddress: paymentAddress,
            endpoint: endpoint,
            publicKey: signingPublicKey,
            tlsCertificate: tlsCertificate,
            pcrHash: pcrHash,
            teeType: teeType,
            enabled: true,
            registeredAt: block.timestamp,
            lastHeartbeatAt: block.timestamp
        });
        _addToEnabledList(teeId, teeType);
        _teesByType[teeType].push(teeId);
        _teesByOwner[msg.sender].push(teeId);
        emit TEERegistered(teeId, msg.sender, teeType);
    }

    function disableTEE(bytes32 teeId) external onlyTEEOwnerOrAdmin(teeId) {
        TEEInfo storage tee = tees[teeId];
        if (!tee.enabled) revert TEENotEnabled();
        tee.enabled = false;
        _removeFromEnabledList(teeId, tee.teeType);
        emit TEEDisabled(teeId);
    }

    function enableTEE(bytes32 teeId) external onlyTEEOwnerOrAdmin(teeId) {
        TEEInfo storage tee = tees[teeId];
        if (tee.enabled) return;
        if (!approvedPCRs[tee.teeType][tee.pcrHash].active) revert PCRNotApproved();
        tee.enabled = true;
        _addToEnabledList(teeId, tee.teeType);
        emit TEEEnabled(teeId);
    }

    /// The real heartbeat also verifies an RSA-PSS signature over keccak256(teeId || timestamp)
    /// through the precompile; here the signature is only carried in calldata.
    function heartbeat(bytes32 teeId, uint256 timestamp, bytes calldata signature) external {
        signature; // deliberately unverified, see above
        TEEInfo storage tee = tees[teeId];
        if (tee.registeredAt == 0) revert TEENotFound();
        if (!tee.enabled) revert TEENotEnabled();
        if (timestamp > block.timestamp) revert HeartbeatTimestampInFuture();
        if (block.timestamp - timestamp > heartbeatMaxAge) revert HeartbeatTimestampTooOld();
        tee.lastHeartbeatAt = block.timestamp;
        emit HeartbeatReceived(teeId, timestamp);
    }

    function setHeartbeatMaxAge(uint256 maxAge) external onlyAdmin {
        heartbeatMaxAge = maxAge;
    }

    function getTEE(bytes32 teeId) external view returns (TEEInfo memory) {
        if (tees[teeId].registeredAt == 0) revert TEENotFound();
        return tees[teeId];
    }

    function getEnabledTEEs(uint8 teeType) external view returns (bytes32[] memory) {
        return _enabledTEEList[teeType];
    }

    function getActiveTEEs(uint8 teeType) external view returns (TEEInfo[] memory) {
        bytes32[] storage list = _enabledTEEList[teeType];
        uint256 count = 0;
        for (uint256 i = 0; i < list.length; i++) {
            if (_isTEEActive(tees[list[i]])) count++;
        }
        TEEInfo[] memory result = new TEEInfo[](count);
        uint256 j = 0;
        for (uint256 i = 0; i < list.length; i++) {
            if (_isTEEActive(tees[list[i]])) result[j++] = tees[list[i]];
        }
        return result;
    }

    function getTEEsByType(uint8 teeType) external view returns (bytes32[] memory) {
        return _teesByType[teeType];
    }

    function getTEEsByOwner(address owner) external view returns (bytes32[] memory) {
        return _teesByOwner[owner];
    }

    function isTEEEnabled(bytes32 teeId) external view returns (bool) {
        return tees[teeId].enabled;
    }

    function isTEEActive(bytes32 teeId) external view returns (bool) {
        return _isTEEActive(tees[teeId]);
    }

    function getTEEPublicKey(bytes32 teeId) external view returns (bytes memory) {
        return tees[teeId].publicKey;
    }

    function computeTEEId(bytes calldata publicKey) external pure returns (bytes32) {
        return keccak256(publicKey);
    }

    function _isTEEActive(TEEInfo storage tee) private view returns (bool) {
        if (!tee.enabled) return false;
        if (block.timestamp - tee.lastHeartbeatAt > heartbeatMaxAge) return false;
        return approvedPCRs[tee.teeType][tee.pcrHash].active;
    }

    function _addToEnabledList(bytes32 teeId, uint8 teeType) private {
        _enabledTEEIndex[teeType][teeId] = _enabledTEEList[teeType].length;
        _enabledTEEList[teeType].push(teeId);
    }

    function _removeFromEnabledList(bytes32 teeId, uint8 teeType) private {
        uint256 index = _enabledTEEIndex[teeType][teeId];
        uint256 lastIndex = _enabledTEEList[teeType].length - 1;
        if (index != lastIndex) {
            bytes32 lastTeeId = _enabledTEEList[teeType][lastIndex];
            _enabledTEEList[teeType][index] = lastTeeId;
            _enabledTEEIndex[teeType][lastTeeId] = index;
        }
        _enabledTEEList[teeType].pop();
        delete _enabledTEEIndex[teeType][teeId];
    }
}
