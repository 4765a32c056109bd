package io.proofdesk.network;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes network profiles as {@code docs/NETWORKS.md} lays them out. Reading checks every key (type, URL,
 * address, range) and names the first wrong one; unknown keys are refused so that a typo is not silently ignored.
 * Writing leaves out what is unknown (null URLs, {@code demo: false}), in the documented key order.
 */
public final class NetworkProfileJson {

    public static final long MAX_BYTES = 1 << 20;

    private static final Set<String> KEYS = Set.of("name", "chainId", "rpc", "headerFormat", "explorer", "hub",
            "fileStore", "blobStore", "nodes", "nodeApi", "contracts", "fromBlock", "trustRoots", "demo", "checkpoints");
    private static final Set<String> CONTRACT_KEYS = Set.of("inference", "precompile", "registry", "relay");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkProfileJson() {
    }

    /** A profile file. */
    public static NetworkProfile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new NetworkProfileException(file.toString(), size + " bytes, more than the " + MAX_BYTES
                    + " a network profile may have");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** @param where names the source in messages (a file, "the store's synced network") */
    public static NetworkProfile parse(byte[] json, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new NetworkProfileException(where, "not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new NetworkProfileException(where, String.valueOf(e.getMessage()), e);
        }
        return fromTree(node, where);
    }

    public static NetworkProfile fromTree(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new NetworkProfileException(where, "a network profile is a JSON object");
        }
        Reader r = new Reader(where);
        r.knownKeys(node, KEYS, "");
        NetworkContracts contracts = r.contracts(node.get("contracts"));
        String headerKey = r.text(node, "headerFormat");
        HeaderFormat header = headerKey == null ? HeaderFormat.ETHEREUM : HeaderFormat.of(headerKey).orElseThrow(() ->
                new NetworkProfileException(where, "headerFormat: \u201c" + headerKey
                        + "\u201d is not ethereum or cosmos-evm"));
        NetworkProfile read = new NetworkProfile(r.text(node, "name"), r.positive(node, "chainId"), r.urls(node, "rpc"),
                header, r.url(node, "explorer"), r.url(node, "hub"), r.url(node, "fileStore"), r.url(node, "blobStore"),
                r.urls(node, "nodes"), contracts, r.fromBlock(node), r.texts(node, "trustRoots"), r.flag(node, "demo"),
                List.of(), r.url(node, "nodeApi"));
        List<String> checkpoints = r.texts(node, "checkpoints");
        try {
            // the profile reads them ("checkpoints[1]: checkpoint '12' is not N:0xHASH ...")
            return read.withCheckpoints(checkpoints);
        } catch (IllegalArgumentException e) {
            throw new NetworkProfileException(where, e.getMessage(), e);
        }
    }

    public static ObjectNode toTree(NetworkProfile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        if (p.chainId() != null) {
            o.put("chainId", p.chainId());
        }
        strings(o.putArray("rpc"), p.rpc());
        o.put("headerFormat", p.headerFormat().key());
        putIfSet(o, "explorer", p.explorer());
        putIfSet(o, "hub", p.hub());
        putIfSet(o, "fileStore", p.fileStore());
        putIfSet(o, "blobStore", p.blobStore());
        strings(o.putArray("nodes"), p.nodes());
        putIfSet(o, "nodeApi", p.nodeApi());
        ObjectNode c = o.putObject("contracts");
        strings(c.putArray("inference"), p.contracts().inference());
        strings(c.putArray("precompile"), p.contracts().precompile());
        strings(c.putArray("registry"), p.contracts().registry());
        strings(c.putArray("relay"), p.contracts().relay());
        o.put("fromBlock", p.fromBlock());
        strings(o.putArray("trustRoots"), p.trustRoots());
        if (p.demo()) {
            o.put("demo", true);
        }
        if (!p.checkpoints().isEmpty()) {
            strings(o.putArray("checkpoints"), p.checkpoints());
        }
        return o;
    }

    public static String toJson(NetworkProfile p) {
        try {
            return JSON.writeValueAsString(toTree(p));
        } catch (JacksonException e) {
            throw new IllegalStateException("a profile tree always serialises", e);
        }
    }

    /** Writes {@code file} through a temporary file moved over it, so a crash leaves the old file or the new one. */
    public static void write(NetworkProfile p, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(p));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Reads typed values out of the tree; every failure names the key. */
    private record Reader(String where) {

        void knownKeys(JsonNode node, Set<String> known, String prefix) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    throw fail(prefix + key, "unknown key (known keys: " + String.join(", ",
                            known.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw fail(key, "must be text");
            }
            return v.asText();
        }

        String url(JsonNode node, String key) {
            String u = text(node, key);
            return u == null || u.isBlank() ? null : checkedUrl(key, u.strip());
        }

        private String checkedUrl(String key, String u) {
            EndpointUrl.check(u).ifPresent(p -> {
                throw new NetworkProfileException(where, EndpointUrl.sentence(key, u, p));
            });
            return u;
        }

        List<String> texts(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (v.isTextual()) {
                return List.of(v.asText());
            }
            if (!v.isArray()) {
                throw fail(key, "must be a list of text");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw fail(key + "[" + i + "]", "must be text");
                }
                out.add(v.get(i).asText());
            }
            return out;
        }

        List<String> urls(JsonNode node, String key) {
            List<String> raw = texts(node, key);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String u = raw.get(i).strip();
                checkedUrl(key + "[" + i + "]", u);
                if (out.contains(u)) {
                    throw fail(key, u + " is listed twice");
                }
                out.add(u);
            }
            return out;
        }

        Long positive(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
                throw fail(key, "\u201c" + v + "\u201d is not a positive whole number");
            }
            return v.asLong();
        }

        long fromBlock(JsonNode node) {
            JsonNode v = node.get("fromBlock");
            if (v == null || v.isNull()) {
                return 0;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw fail("fromBlock", "\u201c" + v + "\u201d is not a block number (a whole number from 0)");
            }
            return v.asLong();
        }

        boolean flag(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                throw fail(key, "must be true or false");
            }
            return v.asBoolean();
        }

        NetworkContracts contracts(JsonNode v) {
            if (v == null || v.isNull()) {
                return NetworkContracts.NONE;
            }
            if (!v.isObject()) {
                throw fail("contracts", "must be an object with inference, precompile, registry and relay lists");
            }
            knownKeys(v, CONTRACT_KEYS, "contracts.");
            List<List<String>> roles = new ArrayList<>();
            for (String role : List.of("inference", "precompile", "registry", "relay")) {
                List<String> addresses = texts(v, role);
                for (int i = 0; i < addresses.size(); i++) {
                    if (!NetworkContracts.isAddress(addresses.get(i))) {
                        throw fail("contracts." + role + "[" + i + "]", "\u201c" + addresses.get(i)
                                + "\u201d is not a contract address (0x followed by 40 hex digits)");
                    }
                }
                roles.add(addresses);
            }
            return new NetworkContracts(roles.get(0), roles.get(1), roles.get(2), roles.get(3));
        }

        private NetworkProfileException fail(String key, String problem) {
            return new NetworkProfileException(where, key + ": " + problem);
        }
    }
}
