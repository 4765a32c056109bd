package io.proofdesk.devnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.proofdesk.node.wire.OutputTensorJson;

import java.util.ArrayList;
import java.util.List;

/**
 * The FORGED_OUTPUT node's lie: it moves the largest value of the first numeric output to the element after it,
 * which changes a classifier's answer (and a regressor's value) while keeping a plausible-looking tensor.
 */
final class OutputForger {

    private OutputForger() {
    }

    static List<OutputTensorJson> forge(List<OutputTensorJson> honest) {
        List<OutputTensorJson> out = new ArrayList<>(honest);
        for (int t = 0; t < out.size(); t++) {
            OutputTensorJson o = out.get(t);
            if (!"number".equals(o.type()) || o.result().size() == 0) {
                continue;
            }
            ArrayNode forged = ((ArrayNode) o.result()).deepCopy();
            int n = forged.size();
            if (n == 1) {
                forged.set(0, forged.numberNode(forged.get(0).asDouble() * 1.5 + 0.5));
            } else {
                int max = 0;
                for (int i = 1; i < n; i++) {
                    if (forged.get(i).asDouble() > forged.get(max).asDouble()) {
                        max = i;
                    }
                }
                int other = (max + 1) % n;
                JsonNode a = forged.get(max);
                forged.set(max, forged.get(other));
                forged.set(other, a);
            }
            out.set(t, new OutputTensorJson(o.name(), o.shape(), forged, o.type()));
            return out;
        }
        return out;
    }
}
