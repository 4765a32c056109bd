package io.proofdesk.gateway;

import java.util.Optional;

/** Finds a TEE as the registry recorded it. */
public interface TeeRegistryLookup {

    /**
     * @param teeId 0x-prefixed, lower-case
     * @return empty if the registry does not know the TEE
     * @throws GatewayUncheckableException if the registry cannot be consulted at all (no store yet)
     */
    Optional<RegisteredTee> find(String teeId);

    /** Where the lookup reads, for the lines ("the store in /data/proofdesk"). */
    String describe();

    /** What to do about a TEE it does not know, for the "unknown TEE" line. */
    default String unknownHint() {
        return "sync first, or check it against --key";
    }

    /** When the TEE's current entry was read, for a status line that cannot fold events by time. */
    default String asOf() {
        return "as of the store's last sync";
    }
}
