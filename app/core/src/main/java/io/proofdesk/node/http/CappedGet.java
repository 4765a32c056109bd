package io.proofdesk.node.http;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/** One GET through a capped client: the body on 2xx, {@link NotServedException} on 401/403/404/410, an IOException otherwise. */
public final class CappedGet {

    private final OkHttpClient http;

    public CappedGet(OkHttpClient http) {
        this.http = http;
    }

    public byte[] bytes(HttpUrl url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (r.code() == 404) {
                throw new NotServedException(url.toString());
            }
            if (NotServedException.isNotServed(r.code())) {
                throw new NotServedException(url.toString(), url + " answered HTTP " + r.code() + ": not served to us");
            }
            if (!r.isSuccessful()) {
                throw new IOException(url + " answered HTTP " + r.code());
            }
            ResponseBody body = r.body();
            if (body == null) {
                throw new IOException(url + " answered without a body");
            }
            return body.bytes();
        }
    }

    /** Parses a configured base URL, saying which setting was wrong. */
    public static HttpUrl base(String url, String what) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException(what + " is not an http(s) URL: " + url);
        }
        return parsed;
    }
}
