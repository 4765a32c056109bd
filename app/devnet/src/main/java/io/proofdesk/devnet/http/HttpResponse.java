package io.proofdesk.devnet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;

/**
 * A response body with its content type. {@code perByte}: null to send the body at once; otherwise the server sends
 * it one byte at a time, this long apart (a lying endpoint's slow drip), with its full length declared up front.
 */
public record HttpResponse(int status, String contentType, byte[] body, Duration perByte) {

    public HttpResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, null);
    }

    public static HttpResponse ok(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, body);
    }

    public static HttpResponse json(ObjectMapper mapper, Object value) throws JsonProcessingException {
        return ok("application/json", mapper.writeValueAsBytes(value));
    }

    /** The same answer, sent one byte every {@code interval}. */
    public HttpResponse dripped(Duration interval) {
        return new HttpResponse(status, contentType, body, interval);
    }
}
