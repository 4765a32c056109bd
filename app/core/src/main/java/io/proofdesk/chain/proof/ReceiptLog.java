package io.proofdesk.chain.proof;

import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A log as a receipt commits to it: emitting address, topics, data. Block position and tx hash are not part of it. */
public final class ReceiptLog {
    private final byte[] address;
    private final List<byte[]> topics;
    private final byte[] data;

    public ReceiptLog(byte[] address, List<byte[]> topics, byte[] data) {
        if (address.length != 20) {
            throw new ProofInputException("a log address is 20 bytes, got " + address.length);
        }
        if (topics.size() > 4) {
            throw new ProofInputException("a log has at most 4 topics, got " + topics.size());
        }
        for (byte[] t : topics) {
            if (t.length != 32) {
                throw new ProofInputException("a log topic is 32 bytes, got " + t.length);
            }
        }
        this.address = address.clone();
        this.topics = topics.stream().map(byte[]::clone).toList();
        this.data = data.clone();
    }

    static ReceiptLog fromJson(RpcFields f) {
        List<byte[]> topics = new ArrayList<>();
        var array = f.node("topics");
        if (!array.isArray()) {
            throw new ProofInputException(f.where() + ": topics is not a list");
        }
        for (int i = 0; i < array.size(); i++) {
            var t = array.get(i);
            if (!t.isTextual()) {
                throw new ProofInputException(f.where() + ": topic " + i + " is not a hex string");
            }
            byte[] topic = RpcFields.parseHex(t.asText(), f.where() + ": topic " + i);
            if (topic.length != 32) {
                throw new ProofInputException(f.where() + ": topic " + i + " is " + topic.length + " bytes, expected 32");
            }
            topics.add(topic);
        }
        if (topics.size() > 4) {
            throw new ProofInputException(f.where() + " has " + topics.size() + " topics; a log has at most 4");
        }
        return new ReceiptLog(f.fixed("address", 20), topics, f.bytes("data"));
    }

    RlpType rlp() {
        List<RlpType> ts = new ArrayList<>(topics.size());
        for (byte[] t : topics) {
            ts.add(RlpString.create(t));
        }
        return new RlpList(RlpString.create(address), new RlpList(ts), RlpString.create(data));
    }

    public byte[] address() {
        return address.clone();
    }

    public List<byte[]> topicList() {
        return topics.stream().map(byte[]::clone).toList();
    }

    public byte[] data() {
        return data.clone();
    }

    /** Same address, topics and data. */
    public boolean sameContent(byte[] address, List<byte[]> topics, byte[] data) {
        if (!Arrays.equals(this.address, address) || !Arrays.equals(this.data, data)
                || this.topics.size() != topics.size()) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            if (!Arrays.equals(this.topics.get(i), topics.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptLog l && l.sameContent(address, topics, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "log of " + RpcFields.hex(address) + " with " + topics.size() + " topics, " + data.length + " data bytes";
    }
}
