package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.node.http.HttpClients;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Receipts and block headers exactly as a JSON-RPC node answers them, size-capped, for bundles. */
public final class JsonRpcChainEvidence implements ChainEvidence {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private final String url;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public JsonRpcChainEvidence(String url) {
        this.url = url;
        this.http = HttpClients.capped(Web3jChainReader.MAX_ANSWER_BYTES, Duration.ofSeconds(30));
    }

    @Override
    public Optional<JsonNode> receipt(String txHash) throws IOException {
        return call("eth_getTransactionReceipt", txHash, null);
    }

    @Override
    public Optional<JsonNode> block(long number) throws IOException {
        return call("eth_getBlockByNumber", ChainEvidence.hex(number), Boolean.FALSE);
    }

    /**
     * {@code eth_getBlockReceipts}, or, where the node does not offer it, {@code eth_getTransactionReceipt} for each
     * transaction of the block. Refused (IOException naming the endpoint and block) when the node has no such block or
     * lacks a receipt: a bundle on an Ethereum-header chain is only written with its proofs.
     */
    @Override
    public Optional<BlockWithReceipts> blockWithReceipts(long number) throws IOException {
        JsonNode block = call("eth_getBlockByNumber", ChainEvidence.hex(number), Boolean.TRUE).orElseThrow(() ->
                new IOException(url + ": eth_getBlockByNumber has no block " + number));
        JsonNode txs = block.get("transactions");
        if (txs == null || !txs.isArray()) {
            throw new IOException(url + ": eth_getBlockByNumber(" + number + ", true) answered no transaction list");
        }
        List<JsonNode> receipts = new ArrayList<>();
        Optional<JsonNode> all;
        try {
            all = call("eth_getBlockReceipts", ChainEvidence.hex(number), null);
        } catch (RpcErrorAnswer e) {
            all = Optional.empty();
        }
        if (all.isPresent() && all.get().isArray()) {
            all.get().forEach(receipts::add);
            return Optional.of(new BlockWithReceipts(block, receipts));
        }
        for (JsonNode tx : txs) {
            String hash = tx.isObject() && tx.hasNonNull("hash") ? tx.get("hash").asText() : null;
            if (hash == null) {
                throw new IOException(url + ": block " + number + " lists a transaction without its hash");
            }
            receipts.add(receipt(hash).orElseThrow(() -> new IOException(url + ": eth_getTransactionReceipt has no "
                    + "receipt for " + hash + " of block " + number)));
        }
        return Optional.of(new BlockWithReceipts(block, receipts));
    }

    /** Empty also when the node does not offer the method (an error answer): the bundle then lacks the calldata. */
    @Override
    public Optional<byte[]> rawTransaction(String txHash) throws IOException {
        Optional<JsonNode> raw;
        try {
            raw = call("eth_getRawTransactionByHash", txHash, null);
        } catch (RpcErrorAnswer e) {
            return Optional.empty();
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String hex = raw.get().isTextual() ? raw.get().textValue() : "";
        try {
            if (!hex.startsWith("0x") || hex.length() < 4) {
                throw new IllegalArgumentException("no 0x");
            }
            return Optional.of(HexFormat.of().parseHex(hex, 2, hex.length()));
        } catch (IllegalArgumentException e) {
            throw new IOException(url + ": eth_getRawTransactionByHash did not answer hex bytes");
        }
    }

    /** A JSON-RPC error answer (the node understood the call and refused it). */
    private static final class RpcErrorAnswer extends IOException {
        RpcErrorAnswer(String message) {
            super(message);
        }
    }

    private Optional<JsonNode> call(String method, String param, Boolean flag) throws IOException {
        ObjectNode req = json.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", 1);
        req.put("method", method);
        var params = req.putArray("params");
        params.add(param);
        if (flag != null) {
            params.add(flag);
        }
        Request r = new Request.Builder().url(url).post(RequestBody.create(json.writeValueAsBytes(req), JSON_TYPE)).build();
        try (Response resp = http.newCall(r).execute()) {
            if (!resp.isSuccessful() || resp.body() == null) {
                throw new IOException(url + ": " + method + " answered HTTP " + resp.code());
            }
            JsonNode answer = json.readTree(resp.body().bytes());
            if (answer.has("error")) {
                throw new RpcErrorAnswer(url + ": " + method + " answered error " + answer.get("error"));
            }
            JsonNode result = answer.get("result");
            return result == null || result.isNull() ? Optional.empty() : Optional.of(result);
        }
    }
}
