package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * Forges every block header it serves while keeping its {@code hash}: the receiptsRoot's last byte changes, and a
 * block whose logsBloom holds logs gets an empty bloom (hiding them from a bloom scan).
 */
final class HeaderForgeryLie implements Lie {

    static final String EMPTY_BLOOM = "0x" + "0".repeat(512);
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        if (!RpcJson.blockMethod(Lie.method(request)) || !(answer.get("result") instanceof ObjectNode block)) {
            return false;
        }
        String root = block.path("receiptsRoot").asText("");
        if (!HASH.matcher(root).matches()) {
            return false;
        }
        block.put("receiptsRoot", RpcJson.flipBit(root, -1));
        if (RpcJson.nonZero(block.path("logsBloom").asText("0x"))) {
            block.put("logsBloom", EMPTY_BLOOM);
        }
        return true;
    }
}
