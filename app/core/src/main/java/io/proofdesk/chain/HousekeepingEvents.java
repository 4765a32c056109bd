package io.proofdesk.chain;

import org.web3j.crypto.Hash;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events the TEE registry and the settlement relay emit that an audit has no use for: the registry's TEE types and AWS
 * certificate (og-evm TEERegistry.sol, every version), and OpenZeppelin's ownership, roles, initialisation and
 * upgrades (the relay is Ownable and AccessControl; og-evm InferenceSettlementRelay ABI at 00e7bba). A sync knows
 * them, so it does not store them as an unknown event version; any other topic of those contracts it does not know
 * is stored as one, never dropped.
 */
public final class HousekeepingEvents {

    private static final Set<String> TOPICS = Stream.of(
            "TEETypeAdded(uint8,string)", "TEETypeDeactivated(uint8)", "AWSCertificateUpdated(bytes32)",
            "OwnershipTransferred(address,address)", "RoleAdminChanged(bytes32,bytes32,bytes32)",
            "RoleGranted(bytes32,address,address)", "RoleRevoked(bytes32,address,address)",
            "Initialized(uint8)", "Initialized(uint64)", "Upgraded(address)")
            .map(Hash::sha3String).map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private HousekeepingEvents() {
    }

    /** Whether {@code topic0} (lower-case hex) is one of these events. */
    public static boolean isHousekeeping(String topic0) {
        return topic0 != null && TOPICS.contains(topic0.toLowerCase(Locale.ROOT));
    }
}
