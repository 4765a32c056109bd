package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.proof.HexData;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** What every log of an eth_getLogs answer must be before the sync reads it, checked for one endpoint. */
final class LogAnswerCheck {

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
            blockNumber = quantity(log.getBlockNumberRaw(), log::getBlockNumber);
            logIndex = quantity(log.getLogIndexRaw(), log::getLogIndex);
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
        if (index < 0 || !isHash(log.getTransactionHash()) || !isHash(log.getBlockHash())
                || log.getTopics() == null || log.getData() == null
                || !log.getTopics().stream().allMatch(LogAnswerCheck::isHash)) {
            throw malformed(what, "the log at block " + block + " index " + index
                    + " lacks its transaction hash, block hash, topics (32-byte hex each) or data"); // no topic (LOG0) is allowed
        }
        return new CheckedLog(log, blockNumber, logIndex);
    }

    /**
     * web3j's reading of a QUANTITY, without the exception and the regular expression web3j makes for every number
     * (LFDT-web3j/web3j #2280) when it is the usual 0x and at most 15 hex digits; anything else is web3j's to read.
     */
    static BigInteger quantity(String raw, Supplier<BigInteger> web3j) {
        if (raw == null || raw.length() < 3 || raw.length() > 17 || !raw.startsWith("0x")) {
            return web3j.get();
        }
        long v = 0;
        for (int i = 2; i < raw.length(); i++) {
            int d = HexData.digit(raw.charAt(i));
            if (d < 0) {
                return web3j.get();
            }
            v = v << 4 | d;
        }
        return BigInteger.valueOf(v);
    }

    /** 0x (either case) and 64 hex digits: a transaction hash, block hash or topic. */
    static boolean isHash(String s) {
        if (s == null || s.length() != 66 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
            return false;
        }
        for (int i = 2; i < 66; i++) {
            if (HexData.digit(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private RpcAnswerMalformedException malformed(String what, String problem) {
        return failures.malformed(what, problem);
    }
}
