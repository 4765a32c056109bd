package io.proofdesk.chain.sync;

import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;

/**
 * A log the endpoint answered, checked, with its block number and log index decoded once. web3j's {@link Log}
 * decodes those hex quantities on every call, through a thrown-and-caught NumberFormatException and a regular
 * expression compiled each time, and a chunk asks for them thousands of times (sorting alone, n log n times).
 * The values are web3j's own decoding, so nothing else changes; the setters are not meant to be used on it.
 */
final class CheckedLog extends Log {

    private final BigInteger blockNumber;
    private final BigInteger logIndex;

    CheckedLog(Log l, BigInteger blockNumber, BigInteger logIndex) {
        setRemoved(l.isRemoved());
        setLogIndex(l.getLogIndexRaw());
        setTransactionIndex(l.getTransactionIndexRaw());
        setTransactionHash(l.getTransactionHash());
        setBlockHash(l.getBlockHash());
        setBlockNumber(l.getBlockNumberRaw());
        setAddress(l.getAddress());
        setData(l.getData());
        setType(l.getType());
        setTopics(l.getTopics());
        this.blockNumber = blockNumber;
        this.logIndex = logIndex;
    }

    @Override
    public BigInteger getBlockNumber() {
        return blockNumber;
    }

    @Override
    public BigInteger getLogIndex() {
        return logIndex;
    }
}
