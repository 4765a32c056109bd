package io.proofdesk.chain.sync;

import org.web3j.protocol.core.methods.response.Log;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How two sources' log sets for one range differ, by log (block and log index): logs one has and the other does not,
 * and logs both have with another transaction or other data. Said as a sentence tail naming the first of each kind,
 * so that a disagreement shows what to look at, not only two hashes.
 */
record LogSetDifference(int missingThere, int onlyThere, int changed, String firstMissing, String firstOnly,
                        String firstChanged) {

    static LogSetDifference of(List<Log> theirs, List<Log> mine) {
        Map<String, String> t = byPosition(theirs);
        Map<String, String> m = byPosition(mine);
        int missing = 0;
        int changed = 0;
        int only = 0;
        String firstMissing = null;
        String firstChanged = null;
        String firstOnly = null;
        for (Map.Entry<String, String> e : m.entrySet()) {
            String other = t.get(e.getKey());
            if (other == null) {
                missing++;
                firstMissing = firstMissing == null ? e.getKey() : firstMissing;
            } else if (!other.equals(e.getValue())) {
                changed++;
                firstChanged = firstChanged == null ? e.getKey() : firstChanged;
            }
        }
        for (String key : t.keySet()) {
            if (!m.containsKey(key)) {
                only++;
                firstOnly = firstOnly == null ? key : firstOnly;
            }
        }
        return new LogSetDifference(missing, only, changed, firstMissing, firstOnly, firstChanged);
    }

    /** "; 2 logs missing there (first: block 12 log 3), 1 with another transaction or data (first: ...)". */
    String describe() {
        StringBuilder b = new StringBuilder();
        part(b, missingThere, "missing there", firstMissing);
        part(b, onlyThere, "there only", firstOnly);
        part(b, changed, "with another transaction or data there", firstChanged);
        return b.toString();
    }

    private static void part(StringBuilder b, int n, String what, String first) {
        if (n > 0) {
            b.append(b.isEmpty() ? "; " : ", ").append(n).append(n == 1 ? " log " : " logs ").append(what)
                    .append(" (first: ").append(first).append(')');
        }
    }

    /** "block B log I" -> "tx/data", sorted by block then log index; a position served twice keeps its last. */
    private static Map<String, String> byPosition(List<Log> logs) {
        Map<String, String> out = new TreeMap<>((a, b) -> {
            String[] x = a.split(" ");
            String[] y = b.split(" ");
            int c = Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
            return c != 0 ? c : Long.compare(Long.parseLong(x[3]), Long.parseLong(y[3]));
        });
        for (Log l : logs) {
            out.put("block " + l.getBlockNumber() + " log " + l.getLogIndex(),
                    l.getTransactionHash().toLowerCase(Locale.ROOT) + "/" + l.getData().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
