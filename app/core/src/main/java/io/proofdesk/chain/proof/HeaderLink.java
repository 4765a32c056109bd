package io.proofdesk.chain.proof;

/**
 * How a header (or a contiguous range of them) is tied to a trusted checkpoint by parent hashes.
 *
 * <p>{@link Direction#ANCESTOR_OF_CHECKPOINT} is the strong link: the checkpoint's header commits to its parent's
 * hash, that one to its parent's, and so on down, so the header is exactly the one on the checkpoint's chain.
 * {@link Direction#DESCENDANT_OF_CHECKPOINT} (the checkpoint is older, e.g. the demo network's genesis) only shows the
 * header was built on the checkpoint: anyone can build such a chain, so it proves ancestry, not canonicity.
 *
 * @param distance blocks between the header and the checkpoint (0: it is the checkpoint)
 */
public record HeaderLink(long block, Checkpoint checkpoint, Direction direction, long distance) {

    public enum Direction { ANCESTOR_OF_CHECKPOINT, DESCENDANT_OF_CHECKPOINT }

    /** True for a link that shows the header is the canonical one, given a canonical checkpoint. */
    public boolean canonical() {
        return direction == Direction.ANCESTOR_OF_CHECKPOINT;
    }

    /** "block 120 is 80 blocks below checkpoint 200:0x..." and the like, for record details. */
    public String describe() {
        if (distance == 0) {
            return "block " + block + " is checkpoint " + checkpoint;
        }
        return "block " + block + " is " + distance + (direction == Direction.ANCESTOR_OF_CHECKPOINT
                ? " blocks below checkpoint " : " blocks above checkpoint ") + checkpoint;
    }
}
