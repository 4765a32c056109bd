package io.proofdesk.node;

import io.proofdesk.node.http.CappedGet;
import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.wire.NodeInferenceResult;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Duration;

/**
 * The chain node's REST API that OpenGradient's SDK asks for the result of an inference run asynchronously through the
 * inference precompile: {@code GET {base}/artela-network/artela-rollkit/inference/tx/{inference id}} (the id one path
 * segment, URL-encoded). Answers are capped and time-limited; what it answers is the node's word, not the chain's.
 */
public final class NodeApiClient {

    /** A result is a few tensors as JSON, base64 inside JSON: a megabyte is far more than any seen. */
    public static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    static final String RESULT_PATH = "artela-network/artela-rollkit/inference/tx";

    private final HttpUrl base;
    private final CappedGet get;

    public NodeApiClient(String baseUrl) {
        this(baseUrl, MAX_ANSWER_BYTES, DEADLINE);
    }

    public NodeApiClient(String baseUrl, long maxBytes, Duration deadline) {
        this.base = CappedGet.base(baseUrl, "node API URL (profile key nodeApi)");
        this.get = new CappedGet(HttpClients.cappedIdempotent(maxBytes, deadline));
    }

    /** The URL a result is asked at, as it is named in messages. */
    public HttpUrl resultUrl(String inferenceId) {
        return base.newBuilder().addPathSegments(RESULT_PATH).addPathSegment(inferenceId).build();
    }

    /**
     * The node's answer for {@code inferenceId}, parsed.
     *
     * @throws io.proofdesk.node.http.NotServedException when the node does not serve it (404 and the like)
     * @throws NodeApiAnswerException when the answer is not a result (names the URL and what is wrong)
     * @throws IOException when the node cannot be reached, times out, answers an error status or too much
     */
    public NodeInferenceResult result(String inferenceId) throws IOException {
        HttpUrl url = resultUrl(inferenceId);
        byte[] body;
        try {
            body = get.bytes(url);
        } catch (io.proofdesk.node.http.NotServedException e) {
            throw e;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(m.contains(url.toString()) ? m : url + ": " + m, e);
        }
        return NodeInferenceResult.parse(url.toString(), body);
    }

    public String baseUrl() {
        return base.toString();
    }
}
