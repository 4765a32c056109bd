package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What every log of an eth_getLogs answer must be before the sync reads it, checked for one endpoint. */
final class LogAnswerCheck {

    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

    private final String url;
    private final RpcFailures failures;

    LogAnswerCheck(String url, RpcFailures failures) {
        this.url = url;
        this.failures = failures;
    }

    /** The log, checked, with its block number and index decoded once. */
    Log check(String what, BlockRange range, Set<String> asked, Log log) {
        long block;
        long index;
        BigInteger blockNumber;
        BigInteger logIndex;
        try {
            if (log.getBlockNumberRaw() == null || log.getLogIndexRaw() == null) {
                throw malformed(what, "a log has no block number or log index");
            }
            blockNumber = log.getBlockNumber();
            logIndex = log.getLogIndex();
            block = blockNumber.longValueExact();
            index = logIndex.longValueExact();
        } catch (RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw malformed(what, "a log has an unreadable block number or log index (" + e.getMessage() + ")");
        }
        if (!range.contains(block)) {
            throw new RpcLogRejectedException(url, what + " returned a log of block " + block
                    + ", outside the range asked for");
        }
        String address = log.getAddress() == null ? "" : log.getAddress().toLowerCase(Locale.ROOT);
        if (!asked.contains(address)) {
            throw new RpcLogRejectedException(url, what + " returned a log of " + (address.isEmpty() ? "no address"
                    : address) + ", which was not asked for");
        }
        if (log.isRemoved()) {
            throw new RpcLogRejectedException(url, what + " returned a removed log (block " + block + ")");
        }
        if (index < 0 || log.getTransactionHash() == null || !HASH.matcher(log.getTransactionHash().toLowerCase(Locale.ROOT)).matches()
                || log.getBlockHash() == null || !HASH.matcher(log.getBlockHash().toLowerCase(Locale.ROOT)).matches()
                || log.getTopics() == null || log.getData() == null
                || log.getTopics().stream().anyMatch(t -> t == null || !HASH.matcher(t.toLowerCase(Locale.ROOT)).matches())) {
            throw malformed(what, "the log at block " + block + " index " + index
                    + " lacks its transaction hash, block hash, topics (32-byte hex each) or data"); // no topic (LOG0) is allowed
        }
        return new CheckedLog(log, blockNumber, logIndex);
    }

    private RpcAnswerMalformedException malformed(String what, String problem) {
        return failures.malformed(what, problem);
    }
}
