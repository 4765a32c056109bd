package io.proofdesk.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of an inference everywhere (devnet, store, CLI, reports): {@code <txHash>:<logIndex>} of the
 * event that recorded or settled it, with {@code #<leafIndex>} for a leaf of a batch settlement.
 * Lower-case 0x-prefixed tx hash, decimal indexes.
 */
public record RecordId(String txHash, long logIndex, Integer leafIndex) {

    private static final Pattern FORM = Pattern.compile("(0x[0-9a-f]{64}):(\\d{1,9})(?:#(\\d{1,9}))?");
    /** Compiled once: String.matches compiles its pattern on every call, and every record and row read makes an id. */
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-f]{64}");

    public RecordId {
        txHash = txHash.toLowerCase(Locale.ROOT);
        if (!TX_HASH.matcher(txHash).matches()) {
            throw new IllegalArgumentException("not a transaction hash: " + txHash);
        }
        if (logIndex < 0 || (leafIndex != null && leafIndex < 0)) {
            throw new IllegalArgumentException("negative index in record id");
        }
    }

    public static RecordId of(String txHash, long logIndex) {
        return new RecordId(txHash, logIndex, null);
    }

    public static RecordId leaf(String txHash, long logIndex, int leafIndex) {
        return new RecordId(txHash, logIndex, leafIndex);
    }

    public static RecordId parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a record id (expected <txHash>:<logIndex>[#<leaf>]): " + text);
        }
        return new RecordId(m.group(1), Long.parseLong(m.group(2)),
                m.group(3) == null ? null : Integer.valueOf(m.group(3)));
    }

    public boolean isBatchLeaf() {
        return leafIndex != null;
    }

    @Override
    public String toString() {
        return txHash + ":" + logIndex + (leafIndex == null ? "" : "#" + leafIndex);
    }
}
