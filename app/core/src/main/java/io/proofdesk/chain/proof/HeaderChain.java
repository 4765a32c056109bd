package io.proofdesk.chain.proof;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Headers (each already hash-checked, see {@link EthHeader#requireClaimedHash()}) tied to trusted checkpoints by
 * parent hashes. Each {@link #add} compares the header with its neighbours already held and with a checkpoint at
 * its height, so a header that breaks the chain or contradicts a checkpoint is refused as it arrives.
 *
 * <p>Cost: adding is O(log n) with two hash comparisons; {@link #linkRange} for a contiguous range of n headers whose
 * nearest checkpoint is d blocks away walks n + d held headers, no network and no cryptography beyond the keccak
 * each header already cost. A sync that fetches the headers of its whole range (which the bloom check needs anyway)
 * plus the headers up to a checkpoint therefore links everything for one keccak per header.
 */
public final class HeaderChain {
    private record Held(byte[] hash, byte[] parentHash) {
    }

    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final NavigableMap<Long, Held> headers = new TreeMap<>();

    public HeaderChain(Collection<Checkpoint> trusted) {
        for (Checkpoint c : trusted) {
            Checkpoint before = checkpoints.putIfAbsent(c.number(), c);
            if (before != null && !before.equals(c)) {
                throw new CheckpointFormatException("two checkpoints for block " + c.number() + ": " + before.hash()
                        + " and " + c.hash());
            }
        }
    }

    public void add(EthHeader header) {
        long n = header.number();
        byte[] hash = header.hash();
        Checkpoint c = checkpoints.get(n);
        if (c != null && !Arrays.equals(c.hashBytes(), hash)) {
            throw new HeaderLinkException("block " + n + " hashes to " + header.hashHex() + " but checkpoint " + c
                    + " says otherwise: the endpoint serves another chain");
        }
        Held held = headers.get(n);
        if (held != null) {
            if (!Arrays.equals(held.hash, hash)) {
                throw new HeaderLinkException("two different headers for block " + n + ": "
                        + RpcFields.hex(held.hash) + " and " + header.hashHex());
            }
            return;
        }
        Held below = headers.get(n - 1);
        if (below != null && !Arrays.equals(below.hash, header.parentHash())) {
            throw new HeaderLinkException("block " + n + " names parent " + header.parentHashHex() + " but block "
                    + (n - 1) + " hashes to " + RpcFields.hex(below.hash));
        }
        Held above = headers.get(n + 1);
        if (above != null && !Arrays.equals(above.parentHash, hash)) {
            throw new HeaderLinkException("block " + (n + 1) + " names parent " + RpcFields.hex(above.parentHash)
                    + " but block " + n + " hashes to " + header.hashHex());
        }
        headers.put(n, new Held(hash, header.parentHash()));
    }

    public boolean has(long block) {
        return headers.containsKey(block);
    }

    /** How block {@code block} links to a checkpoint: through held headers up to one above it, else down to one below. */
    public Optional<HeaderLink> link(long block) {
        if (!headers.containsKey(block)) {
            return Optional.empty();
        }
        for (long n = block; headers.containsKey(n); n++) {
            Checkpoint c = checkpoints.get(n);
            if (c != null) {
                return Optional.of(new HeaderLink(block, c, HeaderLink.Direction.ANCESTOR_OF_CHECKPOINT, n - block));
            }
        }
        for (long n = block - 1; n >= 0 && headers.containsKey(n); n--) {
            Checkpoint c = checkpoints.get(n);
            if (c != null) {
                return Optional.of(new HeaderLink(block, c, HeaderLink.Direction.DESCENDANT_OF_CHECKPOINT, block - n));
            }
        }
        return Optional.empty();
    }

    /**
     * Links every block of {@code [from, to]} at once, which must all be held, and gives the weakest link among them
     * (that of {@code to}). Throws naming the first missing block, or saying no checkpoint is reachable.
     */
    public HeaderLink linkRange(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
        Map<Long, Held> range = headers.subMap(from, true, to, true);
        if (range.size() != to - from + 1) {
            long missing = from;
            while (headers.containsKey(missing)) {
                missing++;
            }
            throw new HeaderLinkException("cannot link blocks " + from + ".." + to + ": no header for block " + missing);
        }
        // the top block's link is the weakest in the range: if it is an ancestor of a checkpoint, every block below
        // it is too; if it only descends from one, so does the rest of the range (or is the checkpoint's ancestor)
        return link(to).orElseThrow(() -> new HeaderLinkException("blocks " + from + ".." + to
                + " link to no checkpoint (" + (checkpoints.isEmpty() ? "none is set" : "held: "
                + checkpoints.values()) + "); fetch the headers between them and a checkpoint"));
    }
}
