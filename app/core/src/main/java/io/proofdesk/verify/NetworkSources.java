package io.proofdesk.verify;

import io.proofdesk.node.http.NotServedException;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.TrustRootFiles;
import io.proofdesk.node.BlobStoreClient;
import io.proofdesk.node.FileStoreClient;
import io.proofdesk.node.NodeClient;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * What verification reads for a configured network: its first RPC endpoint, its file store (or hub), its blob store
 * and its nodes, and the attestation roots trusted for it. The AWS Nitro root is always trusted; a profile's own
 * roots are added under a label that says where the trust comes from (the demo root: for the demo network only).
 */
public final class NetworkSources {

    private NetworkSources() {
    }

    /**
     * @throws IllegalArgumentException when the profile has no RPC endpoint, or a trust root is not a certificate
     */
    public static VerificationSources of(NetworkProfile network) {
        if (network.firstRpc() == null) {
            throw new IllegalArgumentException(network.name() + " has no RPC endpoint to verify against");
        }
        TrustedRoots roots = roots(network);
        ChainReader chain = ChainReader.of(new Web3jChainReader(network.firstRpc()));
        BlobSource blobs = network.blobStore() == null ? missing(network, "blob store")
                : new BlobStoreClient(network.blobStore())::fetch;
        ModelSource models = network.fileStoreOrHub() == null ? missing(network, "file store or model hub")::blob
                : new FileStoreClient(network.fileStoreOrHub())::fetch;
        NodeClient nodes = new NodeClient();
        return new VerificationSources(chain, blobs, models, nodes::attestation, roots);
    }

    /** The AWS Nitro root, then the network's roots, each labelled with where its trust comes from. */
    public static TrustedRoots roots(NetworkProfile network) {
        TrustedRoots roots = TrustedRoots.awsNitro();
        for (String pem : network.trustRoots()) {
            if (!TrustRootFiles.isPem(pem)) {
                throw new IllegalArgumentException("the trust roots of " + network.name()
                        + " must be read before verification (" + pem + " is a path)");
            }
            byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
            TrustedRoot root = TrustedRoot.of(network.demo() ? TrustedRoots.DEMO_LABEL : "trust root", bytes);
            roots = roots.with(network.demo() ? root : new TrustedRoot(label(network, root.certificate()),
                    root.certificate()));
        }
        return roots;
    }

    private static String label(NetworkProfile network, X509Certificate cert) {
        return "Root added for the network " + network.name() + " (" + cert.getSubjectX500Principal().getName()
                + ") \u2014 trusted only for that network";
    }

    /** A source the network has none of: every fetch says so, and the check that needed it reports it. */
    private static BlobSource missing(NetworkProfile network, String what) {
        return id -> {
            throw new NotServedException(what, network.name() + " has no " + what + " configured");
        };
    }
}
