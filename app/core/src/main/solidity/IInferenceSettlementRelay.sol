// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// What Proofdesk reads from OpenGradient's settlement relay (og-evm InferenceSettlementRelay /
/// FacilitatorSettlementRelay): the two settlement events, the write functions whose calldata
/// carries them, and the OpenZeppelin-style Merkle proof check.
interface IInferenceSettlementRelay {
    event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize, bytes walrusBlobId);

    event IndividualSettlement(
        bytes32 indexed teeId,
        address indexed ethAddress,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 timestamp,
        bytes walrusBlobId,
        bytes signature
    );

    function batchSettle(bytes32 merkleRoot, uint256 batchSize, bytes calldata walrusBlobId) external;

    function settleIndividual(
        bytes32 teeId,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 timestamp,
        address ethAddress,
        bytes calldata walrusBlobId,
        bytes calldata signature
    ) external;

    /// OpenZeppelin MerkleProof.verify: pairs hashed in sorted order, leaf already hashed by the caller.
    function verifyProof(bytes32[] calldata proof, bytes32 root, bytes32 leaf) external pure returns (bool);
}
