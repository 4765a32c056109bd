package io.proofdesk.verify;

import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.chain.Web3jChainReader;

import java.io.IOException;
import java.util.Optional;

/** What the record check asks the chain. IOException: the chain could not be asked (ERROR, never a pass). */
public interface ChainReader {

    /** The receipt of a transaction; empty if the chain does not know it. */
    Optional<ReceiptFacts> receipt(String txHash) throws IOException;

    /** The canonical block hash at a height; empty if the chain is not that long. */
    Optional<String> blockHash(long number) throws IOException;

    static ChainReader of(Web3jChainReader rpc) {
        return new ChainReader() {
            @Override
            public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
                return rpc.receipt(txHash);
            }

            @Override
            public Optional<String> blockHash(long number) throws IOException {
                return rpc.blockHash(number);
            }
        };
    }
}
