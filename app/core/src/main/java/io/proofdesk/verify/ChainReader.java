package io.proofdesk.verify;

import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.chain.Web3jChainReader;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the record check asks the chain. IOException: the chain could not be asked (ERROR, never a pass). */
public interface ChainReader {

    /** The receipt of a transaction; empty if the chain does not know it. */
    Optional<ReceiptFacts> receipt(String txHash) throws IOException;

    /** The canonical block hash at a height; empty if the chain is not that long. */
    Optional<String> blockHash(long number) throws IOException;

    /**
     * Several receipts at once, keyed by the hashes as given. A source that can ask for them in one round trip
     * overrides this; if any of them fails, all do (the caller may then ask one by one).
     */
    default Map<String, Optional<ReceiptFacts>> receipts(Collection<String> txHashes) throws IOException {
        Map<String, Optional<ReceiptFacts>> out = new LinkedHashMap<>();
        for (String tx : txHashes) {
            out.put(tx, receipt(tx));
        }
        return out;
    }

    /** Several canonical block hashes at once, as {@link #receipts} asks for receipts. */
    default Map<Long, Optional<String>> blockHashes(Collection<Long> numbers) throws IOException {
        Map<Long, Optional<String>> out = new LinkedHashMap<>();
        for (long n : numbers) {
            out.put(n, blockHash(n));
        }
        return out;
    }

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

            @Override
            public Map<String, Optional<ReceiptFacts>> receipts(Collection<String> txHashes) throws IOException {
                return rpc.receipts(txHashes);
            }

            @Override
            public Map<Long, Optional<String>> blockHashes(Collection<Long> numbers) throws IOException {
                return rpc.blockHashes(numbers);
            }
        };
    }
}
