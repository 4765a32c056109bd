package io.proofdesk.gateway;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads response and request files: size-capped, parsed by Jackson into the values Python's {@code json.loads}
 * gives (integers of any size, floats as doubles, the last of duplicate keys), with errors naming the file and the
 * JSON path of what is wrong.
 */
final class GatewayJson {

    /** A chat completion is a few KiB; tool schemas and long answers stay far below this. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;

    GatewayJson(String file) {
        this.file = file;
    }

    static byte[] readFile(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new GatewayInputException(name, "no such file");
        }
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new GatewayInputException(name, "is " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " (4 MiB) a response or request may be");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new GatewayInputException(name, "cannot be read: " + e.getMessage());
        }
    }

    String file() {
        return file;
    }

    JsonNode parse(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new GatewayInputException(file, "is " + bytes.length + " bytes, more than the " + MAX_FILE_BYTES
                    + " (4 MiB) a response or request may be");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new GatewayInputException(file, "is empty");
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new GatewayInputException(file, "not JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GatewayInputException(file, "cannot be read: " + e.getMessage());
        }
    }

    /** The value as plain Java objects, for {@link io.proofdesk.attest.PythonJson}. */
    static Object plain(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always converts to plain values", e);
        }
    }

    JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = required(parent, field, path);
        if (!n.isObject()) {
            throw wrong(path, "is not a JSON object");
        }
        return n;
    }

    JsonNode required(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isMissingNode()) {
            throw wrong(path, "is missing");
        }
        return n;
    }

    String text(JsonNode parent, String field, String path) {
        JsonNode n = required(parent, field, path);
        if (!n.isTextual()) {
            throw wrong(path, "is not a string (it is " + kind(n) + ")");
        }
        return n.textValue();
    }

    byte[] base64(JsonNode parent, String field, String path) {
        String s = text(parent, field, path);
        try {
            return Base64.getDecoder().decode(s.strip());
        } catch (IllegalArgumentException e) {
            throw wrong(path, "is not base64: " + e.getMessage());
        }
    }

    /** 32 bytes written as 64 hex digits, with or without 0x (Python's {@code bytes.hex()} writes none). */
    byte[] hash32(JsonNode parent, String field, String path) {
        String s = text(parent, field, path).strip().toLowerCase(Locale.ROOT);
        String hex = s.startsWith("0x") ? s.substring(2) : s;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw wrong(path, "is not a 32-byte hash (64 hex digits): '" + abbreviate(s) + "'");
        }
        return HexFormat.of().parseHex(hex);
    }

    GatewayInputException wrong(String path, String what) {
        return new GatewayInputException(file, path + " " + what);
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case NULL -> "null";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
