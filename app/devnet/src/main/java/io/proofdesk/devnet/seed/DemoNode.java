package io.proofdesk.devnet.seed;

import io.proofdesk.devnet.node.TeeNodeService;

/** A running demo node as the seeder sees it: its index in the plan and its service. */
public record DemoNode(int index, TeeNodeService service) {
    public String url() {
        return service.baseUrl();
    }
}
