// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IInferenceSettlementRelay} from "proofdesk-core/IInferenceSettlementRelay.sol";

/// The demo network's settlement relay: same events and entry points as og-evm's relay.
/// Differences, all because anvil lacks the chain's precompiles or to seed fast:
///  - `settleIndividual` does not call a settlement verifier (the real one requires
///    TEEInferenceVerifier.verifySignature: TEE active, timestamp window, RSA-PSS via precompile).
///    Proofdesk checks those off-chain, so the demo network can settle dishonest records on purpose.
///  - `settleIndividualMany` (demo only) emits many IndividualSettlement events in one transaction;
///    each event is byte-identical to what settleIndividual would emit.
///  - Roles are admin + relayer set instead of OpenZeppelin AccessControl.
contract InferenceSettlementRelay is IInferenceSettlementRelay {
    error NotAdmin();
    error NotRelayer();

    address public immutable admin;
    mapping(address => bool) public relayers;

    modifier onlyRelayer() {
        if (msg.sender != admin && !relayers[msg.sender]) revert NotRelayer();
        _;
    }

    constructor() {
        admin = msg.sender;
        relayers[msg.sender] = true;
    }

    function setRelayer(address account, bool allowed) external {
        if (msg.sender != admin) revert NotAdmin();
        relayers[account] = allowed;
    }

    function batchSettle(bytes32 merkleRoot, uint256 batchSize, bytes calldata walrusBlobId) external onlyRelayer {
        emit BatchSettlement(merkleRoot, batchSize, walrusBlobId);
    }

    function settleIndividual(
        bytes32 teeId,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 timestamp,
        address ethAddress,
        bytes calldata walrusBlobId,
        bytes calldata signature
    ) external onlyRelayer {
        emit IndividualSettlement(teeId, ethAddress, inputHash, outputHash, timestamp, walrusBlobId, signature);
    }

    /// One record for settleIndividualMany; fields as settleIndividual's parameters.
    struct Settlement {
        bytes32 teeId;
        bytes32 inputHash;
        bytes32 outputHash;
        uint256 timestamp;
        address ethAddress;
        bytes walrusBlobId;
        bytes signature;
    }

    /// Demo only: settles records in array order, one IndividualSettlement each, so the i-th
    /// IndividualSettlement log of the transaction is settlements[i].
    function settleIndividualMany(Settlement[] calldata settlements) external onlyRelayer {
        for (uint256 i = 0; i < settlements.length; i++) {
            Settlement calldata s = settlements[i];
            emit IndividualSettlement(
                s.teeId, s.ethAddress, s.inputHash, s.outputHash, s.timestamp, s.walrusBlobId, s.signature
            );
        }
    }

    /// OpenZeppelin MerkleProof.verify semantics: walk the proof hashing sorted pairs.
    function verifyProof(bytes32[] calldata proof, bytes32 root, bytes32 leaf) external pure returns (bool) {
        bytes32 computed = leaf;
        for (uint256 i = 0; i < proof.length; i++) {
            bytes32 sibling = proof[i];
            computed = computed < sibling
                ? keccak256(abi.encodePacked(computed, sibling))
                : keccak256(abi.encodePacked(sibling, computed));
        }
        return computed == root;
    }
}
