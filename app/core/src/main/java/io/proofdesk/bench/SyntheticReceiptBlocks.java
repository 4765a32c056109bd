package io.proofdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.proof.BlockReceipts;
import io.proofdesk.chain.proof.ConsensusReceipt;
import io.proofdesk.chain.proof.EthHeader;
import io.proofdesk.chain.proof.LogsBloom;
import io.proofdesk.chain.proof.MerklePatriciaTrie;
import io.proofdesk.chain.proof.ReceiptLog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Blocks of JSON-RPC receipts shaped like an inference network's (EIP-1559 transactions, a few logs each from a
 * handful of contracts, 1-4 topics, 32-320 data bytes), with a Prague header whose receiptsRoot and logsBloom are
 * theirs. Seeded, so every run checks the same bytes. For {@code bench proofs} and the proof tests.
 */
public final class SyntheticReceiptBlocks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** One block: the header object of {@code eth_getBlockByNumber} and the answer of {@code eth_getBlockReceipts}. */
    public record Block(JsonNode header, List<JsonNode> receipts) {
    }

    private final Random random;
    private final byte[][] contracts;
    private final byte[][] events;

    public SyntheticReceiptBlocks(long seed) {
        random = new Random(seed);
        contracts = new byte[5][];
        events = new byte[4][];
        for (int i = 0; i < contracts.length; i++) {
            contracts[i] = bytes(20);
        }
        for (int i = 0; i < events.length; i++) {
            events[i] = bytes(32);
        }
    }

    public Block block(long number, int receipts, int logsPerReceipt) {
        List<ConsensusReceipt> consensus = new ArrayList<>(receipts);
        long gas = 0;
        for (int i = 0; i < receipts; i++) {
            List<ReceiptLog> logs = new ArrayList<>();
            for (int l = 0; l < logsPerReceipt; l++) {
                List<byte[]> topics = new ArrayList<>();
                topics.add(events[random.nextInt(events.length)]);
                for (int t = random.nextInt(4); t > 0; t--) {
                    topics.add(bytes(32));
                }
                logs.add(new ReceiptLog(contracts[random.nextInt(contracts.length)], topics,
                        bytes(32 * (1 + random.nextInt(10)))));
            }
            gas += 21_000 + random.nextInt(200_000);
            consensus.add(new ConsensusReceipt(2, new byte[] {1}, BigInteger.valueOf(gas), LogsBloom.of(logs), logs));
        }
        MerklePatriciaTrie trie = new MerklePatriciaTrie();
        LogsBloom union = LogsBloom.empty();
        for (int i = 0; i < consensus.size(); i++) {
            trie.put(org.web3j.rlp.RlpEncoder.encode(org.web3j.rlp.RlpString.create(i)), consensus.get(i).encode());
            union = union.or(consensus.get(i).bloom());
        }
        ObjectNode header = header(number, trie.rootHash(), union);
        List<JsonNode> json = new ArrayList<>(receipts);
        for (int i = 0; i < consensus.size(); i++) {
            json.add(receiptJson(consensus.get(i), i, number, header.get("hash").asText()));
        }
        return new Block(header, json);
    }

    /** Checks a block as a sync would: the header's hash, then every receipt against its roots and blooms. */
    public static BlockReceipts check(Block block) {
        return BlockReceipts.fromJson(EthHeader.fromJson(block.header()).requireClaimedHash(), block.receipts());
    }

    private ObjectNode header(long number, byte[] receiptsRoot, LogsBloom bloom) {
        ObjectNode h = JSON.createObjectNode();
        h.put("parentHash", hex(bytes(32)));
        h.put("sha3Uncles", "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
        h.put("miner", hex(bytes(20)));
        h.put("stateRoot", hex(bytes(32)));
        h.put("transactionsRoot", hex(bytes(32)));
        h.put("receiptsRoot", hex(receiptsRoot));
        h.put("logsBloom", bloom.hex());
        h.put("difficulty", "0x0");
        h.put("number", "0x" + Long.toHexString(number));
        h.put("gasLimit", "0x1c9c380");
        h.put("gasUsed", "0x1312d00");
        h.put("timestamp", "0x" + Long.toHexString(1_760_000_000L + number * 12));
        h.put("extraData", "0x");
        h.put("mixHash", hex(bytes(32)));
        h.put("nonce", "0x0000000000000000");
        h.put("baseFeePerGas", "0x3b9aca00");
        h.put("withdrawalsRoot", hex(MerklePatriciaTrie.EMPTY_ROOT));
        h.put("blobGasUsed", "0x0");
        h.put("excessBlobGas", "0x0");
        h.put("parentBeaconBlockRoot", hex(bytes(32)));
        h.put("requestsHash", "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        h.put("hash", hex(new byte[32]));
        h.put("hash", EthHeader.fromJson(h).hashHex());
        return h;
    }

    private ObjectNode receiptJson(ConsensusReceipt r, int index, long block, String blockHash) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "0x2");
        o.put("status", "0x1");
        o.put("cumulativeGasUsed", "0x" + r.cumulativeGasUsed().toString(16));
        ArrayNode logs = o.putArray("logs");
        for (ReceiptLog log : r.logs()) {
            ObjectNode l = logs.addObject();
            l.put("address", hex(log.address()));
            ArrayNode topics = l.putArray("topics");
            log.topicList().forEach(t -> topics.add(hex(t)));
            l.put("data", hex(log.data()));
        }
        o.put("logsBloom", r.bloom().hex());
        o.put("transactionHash", hex(bytes(32)));
        o.put("transactionIndex", "0x" + Integer.toHexString(index));
        o.put("blockHash", blockHash);
        o.put("blockNumber", "0x" + Long.toHexString(block));
        o.put("gasUsed", "0x5208");
        o.put("effectiveGasPrice", "0x3b9aca00");
        return o;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }
}
