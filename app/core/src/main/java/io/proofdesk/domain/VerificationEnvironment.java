package io.proofdesk.domain;

/**
 * Where and how a verdict was reached, so a reader can judge it: versions of Proofdesk and ONNX Runtime, OS, CPU
 * and the tolerance the re-execution used (as shown on screen, e.g. "abs 1e-6, 4 ulps"). Any field may be null.
 */
public record VerificationEnvironment(String proofdeskVersion, String ortVersion, String os, String cpu,
                                      String tolerance) {
}
