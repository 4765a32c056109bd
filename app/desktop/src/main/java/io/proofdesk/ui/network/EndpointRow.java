package io.proofdesk.ui.network;

/** One line of the endpoints table, as shown ("" for unknown). {@code ok} null while not probed yet. */
public record EndpointRow(String kind, String url, String chainId, String head, String lag, String latency,
                          Boolean ok, String state) {
}
