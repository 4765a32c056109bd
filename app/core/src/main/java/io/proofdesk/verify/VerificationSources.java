package io.proofdesk.verify;

import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.node.BlobStoreClient;
import io.proofdesk.node.FileStoreClient;
import io.proofdesk.node.NodeClient;

import java.util.Objects;

/**
 * Everything outside the store a verification reads, and the roots an attestation chain may end in. The demo root
 * belongs in {@code roots} only when the caller knows it is verifying the demo network.
 */
public record VerificationSources(ChainReader chain, BlobSource blobs, ModelSource models,
                                  AttestationSource attestations, TrustedRoots roots) {

    public VerificationSources {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(attestations, "attestations");
        Objects.requireNonNull(roots, "roots");
    }

    /** The network's real endpoints over HTTP, every answer size-capped. */
    public static VerificationSources http(String rpcUrl, String fileStoreUrl, String blobStoreUrl, TrustedRoots roots) {
        ChainReader chain = ChainReader.of(new Web3jChainReader(rpcUrl));
        BlobStoreClient blobs = new BlobStoreClient(blobStoreUrl);
        FileStoreClient files = new FileStoreClient(fileStoreUrl);
        NodeClient nodes = new NodeClient();
        return new VerificationSources(chain, blobs::fetch, files::fetch, nodes::attestation, roots);
    }
}
