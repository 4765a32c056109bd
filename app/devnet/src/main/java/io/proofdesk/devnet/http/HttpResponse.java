package io.proofdesk.devnet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A response body with its content type. */
public record HttpResponse(int status, String contentType, byte[] body) {

    public static HttpResponse ok(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, body);
    }

    public static HttpResponse json(ObjectMapper mapper, Object value) throws JsonProcessingException {
        return ok("application/json", mapper.writeValueAsBytes(value));
    }
}
