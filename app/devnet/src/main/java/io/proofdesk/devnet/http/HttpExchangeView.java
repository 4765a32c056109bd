package io.proofdesk.devnet.http;

import java.util.Map;

/** What a route handler sees of a request: the path remainder after its prefix, the query and the capped body. */
public record HttpExchangeView(String method, String path, String rest, Map<String, String> query, byte[] body) {

    public String queryParam(String name) {
        return query.get(name);
    }
}
