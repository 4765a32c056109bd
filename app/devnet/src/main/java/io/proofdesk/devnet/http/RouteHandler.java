package io.proofdesk.devnet.http;

@FunctionalInterface
public interface RouteHandler {
    HttpResponse handle(HttpExchangeView request) throws Exception;
}
