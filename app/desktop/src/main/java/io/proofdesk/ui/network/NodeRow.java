package io.proofdesk.ui.network;

/**
 * One line of the nodes table, as shown. {@code teeId} is the full id (the table shortens it, the tooltip and copy
 * give all of it). {@code healthy} null while not probed yet.
 */
public record NodeRow(String endpoint, String teeId, String shortTeeId, StoreFacts.PcrStatus pcr, String pcrText,
                      String enabled, String lastHeartbeat, Boolean healthy, String health) {
}
