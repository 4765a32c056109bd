package io.proofdesk.node.http;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

import java.io.IOException;

/**
 * Caps how many bytes any answer may carry. Declared lengths above the cap fail at once; undeclared (chunked) bodies
 * fail as soon as the cap is crossed while reading, so a hostile server cannot make Proofdesk buffer gigabytes.
 */
public final class ResponseSizeCap implements Interceptor {

    private final long maxBytes;

    public ResponseSizeCap(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        String url = chain.request().url().toString();
        if (body.contentLength() > maxBytes) {
            response.close();
            throw new ResponseTooLargeException(url, maxBytes);
        }
        Source capped = new ForwardingSource(body.source()) {
            private long seen;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    seen += n;
                    if (seen > maxBytes) {
                        throw new ResponseTooLargeException(url, maxBytes);
                    }
                }
                return n;
            }
        };
        BufferedSource buffered = Okio.buffer(capped);
        return response.newBuilder()
                .body(ResponseBody.create(buffered, body.contentType(), body.contentLength()))
                .build();
    }
}
