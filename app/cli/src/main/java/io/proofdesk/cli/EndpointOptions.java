package io.proofdesk.cli;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.report.bundle.ChainEvidence;
import io.proofdesk.report.bundle.JsonRpcChainEvidence;
import io.proofdesk.verify.VerificationSources;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code --devnet DIR} or {@code --rpc/--files/--blobs}: where the report and bundle commands reach the network. */
public final class EndpointOptions {

    @Option(names = "--devnet", paramLabel = "DIR", description = "Endpoints from DIR/devnet.json; trusts the demo root")
    Path devnet;

    @Option(names = "--rpc", paramLabel = "URL",
            description = "JSON-RPC endpoint of the chain (with --files and --blobs)")
    String rpc;

    @Option(names = "--files", paramLabel = "URL", description = "File store (GET /ipfs/<cid>)")
    String files;

    @Option(names = "--blobs", paramLabel = "URL", description = "Blob store (GET /v1/blobs/<id>)")
    String blobs;

    boolean given() {
        return devnet != null || rpc != null;
    }

    /** Sources, chain evidence and the network's description, or a clear error if the endpoints are incomplete. */
    record Resolved(VerificationSources sources, ChainEvidence chain, ReportNetwork network) {
    }

    Resolved resolve() throws IOException {
        if (devnet != null) {
            DevnetManifest m = DevnetManifest.read(devnet);
            TrustedRoots roots = TrustedRoots.awsNitro();
            if (m.attestationRootPem() != null && !m.attestationRootPem().isBlank()) {
                roots = roots.with(demoRoot(m.attestationRootPem()));
            }
            String fileStore = m.fileStoreUrl() != null ? m.fileStoreUrl() : m.hubUrl();
            return new Resolved(VerificationSources.http(m.rpcUrl(), fileStore, m.blobStoreUrl(), roots),
                    new JsonRpcChainEvidence(m.rpcUrl()),
                    ReportNetwork.demo(m.chainId(), m.contracts(), m.rpcUrl(), fileStore, m.blobStoreUrl()));
        }
        if (rpc == null || files == null || blobs == null) {
            throw new UserInputException("give --devnet DIR, or all of --rpc, --files and --blobs");
        }
        return new Resolved(VerificationSources.http(rpc, files, blobs, TrustedRoots.awsNitro()),
                new JsonRpcChainEvidence(rpc),
                ReportNetwork.at(rpc, files, blobs));
    }

    private TrustedRoot demoRoot(String pemOrPath) throws IOException {
        byte[] pem = pemOrPath.contains("-----BEGIN")
                ? pemOrPath.getBytes(StandardCharsets.US_ASCII)
                : ReexecCommand.read(devnet.resolve(pemOrPath), 64 * 1024);
        try {
            return TrustedRoot.of(TrustedRoots.DEMO_LABEL, pem);
        } catch (KeyFormatException e) {
            throw new UserInputException("the devnet manifest's attestation root: " + e.getMessage(), e);
        }
    }
}
