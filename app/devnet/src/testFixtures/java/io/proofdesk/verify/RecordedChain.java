package io.proofdesk.verify;

import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.report.bundle.ChainEvidence;
import io.proofdesk.verify.checks.SettlementEvents;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chain's receipts as a JSON-RPC node would report them, with logs ABI-encoded by web3j exactly as the relay
 * emits them. The verifier tests use it where the record check needs receipts; the web3j reader itself is tested
 * against anvil.
 */
final class RecordedChain implements ChainReader {

    static final String RELAY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private final Map<String, ReceiptFacts> receipts = new ConcurrentHashMap<>();
    private final Map<Long, String> canonical = new ConcurrentHashMap<>();
    private final Map<String, byte[]> transactions = new ConcurrentHashMap<>();
    private final AtomicLong txCounter = new AtomicLong();
    volatile boolean down;

    String nextTxHash() {
        return Numeric.toHexString(Hash.sha3(("tx" + txCounter.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
    }

    static String blockHashOf(long block) {
        return Numeric.toHexString(Hash.sha3(("block" + block).getBytes(StandardCharsets.UTF_8)));
    }

    void addIndividual(String tx, long block, long logIndex, byte[] teeId, String ethAddress, byte[] inputHash,
                       byte[] outputHash, long timestamp, String blobId, byte[] signature) {
        List<String> topics = List.of(EventEncoder.encode(SettlementEvents.INDIVIDUAL_SETTLEMENT),
                Numeric.toHexString(teeId), Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(ethAddress), 64));
        String data = encode(List.of(new Bytes32(inputHash), new Bytes32(outputHash), new Uint256(timestamp),
                new DynamicBytes(blobId.getBytes(StandardCharsets.UTF_8)), new DynamicBytes(signature)));
        add(tx, block, new LogFacts(logIndex, RELAY, topics, data));
    }

    void addBatch(String tx, long block, long logIndex, byte[] root, int size, String blobId) {
        List<String> topics = List.of(EventEncoder.encode(SettlementEvents.BATCH_SETTLEMENT), Numeric.toHexString(root));
        String data = encode(List.of(new Uint256(BigInteger.valueOf(size)),
                new DynamicBytes(blobId.getBytes(StandardCharsets.UTF_8))));
        add(tx, block, new LogFacts(logIndex, RELAY, topics, data));
    }

    void addInferenceResult(String tx, long block, long logIndex) {
        add(tx, block, new LogFacts(logIndex, RELAY, List.of(SettlementEvents.INFERENCE_RESULT_TOPIC), "0x"));
    }

    /** An InferenceResult log carrying {@code data}, in the receipt of the signed transaction {@code raw}. */
    void addInferenceResult(byte[] raw, long block, LogFacts log) {
        String tx = Numeric.toHexString(Hash.sha3(raw));
        transactions.put(tx, raw.clone());
        add(tx, block, log);
    }

    /** The chain's answers as a bundle keeps them, with the signed transactions of on-chain records. */
    ChainEvidence evidence() {
        ChainEvidence receipts = ChainEvidence.of(this);
        return new ChainEvidence() {
            @Override
            public Optional<com.fasterxml.jackson.databind.JsonNode> receipt(String txHash) throws java.io.IOException {
                return receipts.receipt(txHash);
            }

            @Override
            public Optional<com.fasterxml.jackson.databind.JsonNode> block(long number) throws java.io.IOException {
                return receipts.block(number);
            }

            @Override
            public Optional<byte[]> rawTransaction(String txHash) {
                return Optional.ofNullable(transactions.get(txHash)).map(byte[]::clone);
            }
        };
    }

    private void add(String tx, long block, LogFacts log) {
        canonical.put(block, blockHashOf(block));
        receipts.put(tx, new ReceiptFacts(tx, block, blockHashOf(block), true, List.of(log)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String encode(List<Type> values) {
        return "0x" + FunctionEncoder.encodeConstructor((List) values);
    }

    @Override
    public Optional<ReceiptFacts> receipt(String txHash) throws java.io.IOException {
        if (down) {
            throw new java.io.IOException("connection refused");
        }
        return Optional.ofNullable(receipts.get(txHash));
    }

    @Override
    public Optional<String> blockHash(long number) throws java.io.IOException {
        if (down) {
            throw new java.io.IOException("connection refused");
        }
        return Optional.ofNullable(canonical.get(number));
    }
}
