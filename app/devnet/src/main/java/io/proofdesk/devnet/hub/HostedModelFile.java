package io.proofdesk.devnet.hub;

/**
 * One model version's file as the demo hub lists it and the demo file store serves it. {@code servedBytes} differ
 * from the bytes {@code cid} names only for the labelled "model-cid-mismatch" fault.
 */
public record HostedModelFile(String model, String description, String version, String fileName,
                              String cid, String sha256, long size, byte[] servedBytes) {
}
