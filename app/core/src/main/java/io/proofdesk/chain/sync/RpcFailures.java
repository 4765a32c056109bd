package io.proofdesk.chain.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.proofdesk.node.http.ResponseTooLargeException;
import org.web3j.protocol.exceptions.ClientConnectionException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The sentences of one endpoint's failures: each names the endpoint (as the exception's endpoint), the call (its
 * JSON-RPC method, with what it asked for) and what was wrong, as the {@link SyncException} subtype a user meets.
 */
final class RpcFailures {

    private final String url;

    RpcFailures(String url) {
        this.url = url;
    }

    RpcAnswerMalformedException malformed(String what, String problem) {
        return new RpcAnswerMalformedException(url, what + ": " + problem);
    }

    /** The call ran out of its deadline. */
    RpcTimeoutException timeout(String what, Duration deadline, Throwable cause) {
        return new RpcTimeoutException(url, what + ": no answer in time (the whole answer must arrive within "
                + seconds(deadline) + ")", cause);
    }

    /** Calls of one method kept running out of time until the endpoint's budget for them was spent. */
    RpcTimeoutException tooSlow(String what, int timeouts, String method, Duration deadline, Duration budget,
                                Throwable cause) {
        return new RpcTimeoutException(url, what + ": no answer in time (the whole answer must arrive within "
                + seconds(deadline) + "); " + timeouts + (timeouts == 1 ? " call" : " calls") + " of " + method
                + " in a row ran out of time, " + seconds(budget) + " in all: this endpoint is too slow", cause);
    }

    /** Maps a transport or parse failure of a call with {@code deadline} to the exception that names what went wrong. */
    SyncException translate(String what, Throwable e, Duration deadline) {
        if (e instanceof SyncException already) {
            return already;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return new RpcAnswerTooLargeException(url, what + ": the answer is larger than " + tooLarge.limit()
                        + " bytes", e);
            }
            if (t instanceof InterruptedIOException) {
                return timeout(what, deadline, e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new RpcUnreachableException(url, what + ": cannot connect (" + t.getMessage() + ")", e);
            }
            if (t instanceof JsonProcessingException j) {
                return malformed(what, "the answer is not valid JSON-RPC (" + j.getOriginalMessage() + ")");
            }
            if (t instanceof ClientConnectionException) {
                return new RpcUnreachableException(url, what + ": " + shorten(t.getMessage()), e);
            }
            if (t instanceof org.web3j.exceptions.MessageDecodingException) {
                return malformed(what, "unreadable value (" + t.getMessage() + ")");
            }
        }
        if (e instanceof IOException) {
            return new RpcUnreachableException(url, what + ": " + shorten(String.valueOf(e.getMessage())), e);
        }
        return malformed(what, shorten(String.valueOf(e.getMessage())));
    }

    /** The JSON-RPC method a call description starts with ("eth_getLogs(1..2)" -> "eth_getLogs"). */
    static String methodOf(String what) {
        int end = what.length();
        for (int i = 0; i < what.length(); i++) {
            char c = what.charAt(i);
            if (c == '(' || c == ' ') {
                end = i;
                break;
            }
        }
        return what.substring(0, end);
    }

    static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** "30 s", "0.8 s". */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
