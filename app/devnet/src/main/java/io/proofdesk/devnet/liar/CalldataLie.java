package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes one byte of the calldata ({@code input}) of every transaction to an inference contract, wherever it is
 * served (by hash, by block and index, or inside a block with full transactions), keeping its hash: the first
 * record's inference mode ({@link ModeFlip}).
 */
final class CalldataLie implements Lie {

    private final LieTargets targets;

    CalldataLie(LieTargets targets) {
        this.targets = targets;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        boolean changed = false;
        for (ObjectNode tx : RpcJson.transactions(Lie.method(request), answer.path("result"))) {
            if (targets.inferenceTransaction(tx) && tx.hasNonNull("input")) {
                tx.put("input", ModeFlip.flip(tx.get("input").asText()));
                changed = true;
            }
        }
        return changed;
    }
}
