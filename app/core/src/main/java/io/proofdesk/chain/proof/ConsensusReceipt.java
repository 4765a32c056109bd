package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A receipt as the receipts trie commits to it: {@code [status | postStateRoot, cumulativeGasUsed, logsBloom, logs]},
 * prefixed with its type byte for typed transactions (EIP-2718: 0x01 2930, 0x02 1559, 0x03 4844, 0x04 7702). Gas used,
 * transaction hash and block position are not committed; they come from the trie position and the transactions trie.
 *
 * @param type    0 for legacy
 * @param outcome the status as a minimal quantity (empty = failed, 0x01 = success), or a 32-byte post-state root
 *                before Byzantium
 */
public record ConsensusReceipt(int type, byte[] outcome, BigInteger cumulativeGasUsed, LogsBloom bloom,
                               List<ReceiptLog> logs) {

    public ConsensusReceipt {
        outcome = outcome.clone();
        logs = List.copyOf(logs);
    }

    /** From an {@code eth_getTransactionReceipt} / {@code eth_getBlockReceipts} object. */
    public static ConsensusReceipt fromJson(JsonNode receipt, String where) {
        RpcFields f = new RpcFields(receipt, where);
        int type = f.has("type") ? typeOf(f) : 0;
        byte[] outcome;
        if (f.has("status")) {
            BigInteger status = f.quantity("status");
            if (status.compareTo(BigInteger.ONE) > 0) {
                throw new ProofInputException(where + ": status " + status + " is neither 0 nor 1");
            }
            outcome = EthHeader.minimal(status);
        } else if (f.has("root")) {
            outcome = f.fixed("root", 32);
        } else {
            throw new ProofInputException(where + " has neither status nor root");
        }
        JsonNode array = f.node("logs");
        if (!array.isArray()) {
            throw new ProofInputException(where + ": logs is not a list");
        }
        List<ReceiptLog> logs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            logs.add(ReceiptLog.fromJson(new RpcFields(array.get(i), where + ", log " + i)));
        }
        return new ConsensusReceipt(type, outcome, f.quantity("cumulativeGasUsed"),
                LogsBloom.of(f.fixed("logsBloom", LogsBloom.BYTES)), logs);
    }

    private static int typeOf(RpcFields f) {
        BigInteger t = f.quantity("type");
        if (t.compareTo(BigInteger.valueOf(4)) > 0) {
            throw new ProofInputException(f.where() + ": receipt type 0x" + t.toString(16)
                    + " is not an Ethereum type (0-4); unsupported");
        }
        return t.intValue();
    }

    /** The bytes stored in the receipts trie under key RLP(index). */
    public byte[] encode() {
        List<RlpType> logItems = new ArrayList<>(logs.size());
        for (ReceiptLog log : logs) {
            logItems.add(log.rlp());
        }
        byte[] body = RlpEncoder.encode(new RlpList(RlpString.create(outcome),
                RlpString.create(EthHeader.minimal(cumulativeGasUsed)), RlpString.create(bloom.bytes()),
                new RlpList(logItems)));
        return TypedEnvelope.wrap(type, body);
    }

    /** A receipt from trie bytes, as an inclusion proof yields it. */
    public static ConsensusReceipt decode(byte[] encoded) {
        TypedEnvelope envelope = TypedEnvelope.unwrap(encoded, "receipt");
        List<RlpType> fields = envelope.fields();
        if (fields.size() != 4) {
            throw new ProofInputException("receipt has " + fields.size() + " fields, expected 4");
        }
        List<ReceiptLog> logs = new ArrayList<>();
        for (RlpType item : list(fields.get(3), "receipt logs").getValues()) {
            List<RlpType> l = list(item, "receipt log").getValues();
            if (l.size() != 3) {
                throw new ProofInputException("receipt log has " + l.size() + " fields, expected 3");
            }
            List<byte[]> topics = new ArrayList<>();
            for (RlpType t : list(l.get(1), "log topics").getValues()) {
                topics.add(string(t, "log topic"));
            }
            logs.add(new ReceiptLog(string(l.get(0), "log address"), topics, string(l.get(2), "log data")));
        }
        return new ConsensusReceipt(envelope.type(), string(fields.get(0), "receipt status"),
                new BigInteger(1, string(fields.get(1), "cumulative gas")),
                LogsBloom.of(string(fields.get(2), "receipt bloom")), logs);
    }

    static RlpList list(RlpType t, String what) {
        if (t instanceof RlpList l) {
            return l;
        }
        throw new ProofInputException(what + " is a value, expected a list");
    }

    static byte[] string(RlpType t, String what) {
        if (t instanceof RlpString s) {
            return s.getBytes();
        }
        throw new ProofInputException(what + " is a list, expected a value");
    }

    @Override
    public byte[] outcome() {
        return outcome.clone();
    }

    /** True for a successful transaction (status 1); post-Byzantium receipts only. */
    public boolean succeeded() {
        return outcome.length == 1 && outcome[0] == 1;
    }

    static List<RlpType> decodeList(byte[] rlp, String what) {
        RlpList outer;
        try {
            outer = RlpDecoder.decode(rlp);
        } catch (RuntimeException e) {
            throw new ProofInputException(what + " does not decode as RLP: " + e.getMessage(), e);
        }
        if (outer.getValues().size() != 1) {
            throw new ProofInputException(what + " is not a single RLP item");
        }
        return list(outer.getValues().getFirst(), what).getValues();
    }
}
