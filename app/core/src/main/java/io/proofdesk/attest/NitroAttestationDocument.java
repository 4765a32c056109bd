package io.proofdesk.attest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An AWS Nitro Enclaves attestation document: COSE_Sign1 (optionally CBOR tag 18) =
 * [protected bstr, unprotected map, payload bstr, signature bstr], the payload a CBOR map with module_id,
 * digest, timestamp (ms), pcrs, certificate, cabundle (root first), public_key, user_data, nonce.
 *
 * <p>Parsing checks shape and size only; {@link NitroAttestationVerifier} decides whether to believe it.
 */
public final class NitroAttestationDocument {

    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    public static final int MAX_BASE64_CHARS = 96 * 1024;
    public static final int MAX_CERTIFICATE_BYTES = 8 * 1024;
    public static final int MAX_CABUNDLE_ENTRIES = 8;
    public static final int MAX_PCRS = 32;
    public static final int MAX_PCR_BYTES = 64;
    public static final int MAX_PUBLIC_KEY_BYTES = 1024;
    public static final int MAX_USER_DATA_BYTES = 512;
    public static final int MAX_NONCE_BYTES = 512;
    public static final int MAX_MODULE_ID_CHARS = 256;
    public static final int COSE_SIGN1_TAG = 18;

    private final byte[] protectedHeader;
    private final byte[] payload;
    private final byte[] signature;
    private final Integer algorithm;
    private final String moduleId;
    private final String digest;
    private final long timestampMillis;
    private final SortedMap<Integer, byte[]> pcrs;
    private final byte[] certificate;
    private final List<byte[]> cabundle;
    private final byte[] publicKey;
    private final byte[] userData;
    private final byte[] nonce;

    private NitroAttestationDocument(byte[] protectedHeader, byte[] payload, byte[] signature, Integer algorithm,
                                     JsonNode body) {
        this.protectedHeader = protectedHeader;
        this.payload = payload;
        this.signature = signature;
        this.algorithm = algorithm;
        this.moduleId = text(body, "module_id", MAX_MODULE_ID_CHARS);
        this.digest = text(body, "digest", 16);
        this.timestampMillis = timestamp(body);
        this.pcrs = pcrs(body);
        this.certificate = bytes(body, "certificate", MAX_CERTIFICATE_BYTES, true);
        this.cabundle = cabundle(body);
        this.publicKey = bytes(body, "public_key", MAX_PUBLIC_KEY_BYTES, false);
        this.userData = bytes(body, "user_data", MAX_USER_DATA_BYTES, false);
        this.nonce = bytes(body, "nonce", MAX_NONCE_BYTES, false);
    }

    /** Raw CBOR (starting with tag 18 or a 4-element array) or its base64 text (standard or URL alphabet). */
    public static NitroAttestationDocument decode(byte[] input) {
        if (input == null || input.length == 0) {
            throw new MalformedAttestationException("document", "empty");
        }
        int first = input[0] & 0xff;
        if (first == 0xd2 || first == 0x84) {
            return parse(input);
        }
        return parseBase64(new String(input, StandardCharsets.ISO_8859_1));
    }

    public static NitroAttestationDocument parseBase64(String text) {
        if (text == null || text.length() > MAX_BASE64_CHARS) {
            throw new MalformedAttestationException("base64", "document text is missing or longer than "
                    + MAX_BASE64_CHARS + " characters");
        }
        String compact = text.replaceAll("\\s", "");
        byte[] raw;
        try {
            raw = (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0)
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new MalformedAttestationException("base64", e.getMessage(), e);
        }
        return parse(raw);
    }

    public static NitroAttestationDocument parse(byte[] cbor) {
        if (cbor == null || cbor.length == 0) {
            throw new MalformedAttestationException("document", "empty");
        }
        if (cbor.length > MAX_DOCUMENT_BYTES) {
            throw new MalformedAttestationException("document", cbor.length + " bytes, more than " + MAX_DOCUMENT_BYTES);
        }
        JsonNode sign1;
        try (CBORParser p = (CBORParser) Cbor.MAPPER.createParser(cbor)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedAttestationException("COSE_Sign1", "not a CBOR array");
            }
            int tag = p.getCurrentTag();
            if (tag != -1 && tag != COSE_SIGN1_TAG) {
                throw new MalformedAttestationException("COSE_Sign1", "CBOR tag " + tag + ", expected 18 or none");
            }
            sign1 = Cbor.MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new MalformedAttestationException("COSE_Sign1", "trailing bytes after the document");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedAttestationException m) {
                throw m;
            }
            throw new MalformedAttestationException("CBOR", e.getMessage(), e);
        }
        if (sign1 == null || !sign1.isArray() || sign1.size() != 4) {
            throw new MalformedAttestationException("COSE_Sign1", "expected an array of 4 elements");
        }
        byte[] protectedHeader = binary(sign1.get(0), "COSE_Sign1.protected");
        if (!sign1.get(1).isObject()) {
            throw new MalformedAttestationException("COSE_Sign1.unprotected", "not a map");
        }
        byte[] payload = binary(sign1.get(2), "COSE_Sign1.payload");
        byte[] signature = binary(sign1.get(3), "COSE_Sign1.signature");
        Integer alg = algorithm(protectedHeader);
        JsonNode body = readMap(payload, "payload");
        return new NitroAttestationDocument(protectedHeader, payload, signature, alg, body);
    }

    private static Integer algorithm(byte[] protectedHeader) {
        if (protectedHeader.length == 0) {
            return null;
        }
        JsonNode header = readMap(protectedHeader, "COSE_Sign1.protected");
        JsonNode alg = header.get("1");
        if (alg == null) {
            return null;
        }
        if (!alg.isIntegralNumber() || !alg.canConvertToInt()) {
            throw new MalformedAttestationException("COSE_Sign1.protected.alg", "not an integer algorithm id");
        }
        return alg.intValue();
    }

    private static JsonNode readMap(byte[] cbor, String field) {
        JsonNode node;
        try (CBORParser p = (CBORParser) Cbor.MAPPER.createParser(cbor)) {
            node = Cbor.MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new MalformedAttestationException(field, "trailing bytes");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedAttestationException m) {
                throw m;
            }
            throw new MalformedAttestationException(field, "bad CBOR: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedAttestationException(field, "not a CBOR map");
        }
        return node;
    }

    private static byte[] binary(JsonNode node, String field) {
        if (node == null || !node.isBinary()) {
            throw new MalformedAttestationException(field, "not a byte string");
        }
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new MalformedAttestationException(field, e.getMessage(), e);
        }
    }

    private static String text(JsonNode body, String field, int maxChars) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw new MalformedAttestationException("payload." + field, "missing or not a text string");
        }
        String value = node.textValue();
        if (value.length() > maxChars) {
            throw new MalformedAttestationException("payload." + field, "longer than " + maxChars + " characters");
        }
        return value;
    }

    private static long timestamp(JsonNode body) {
        JsonNode node = body.get("timestamp");
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new MalformedAttestationException("payload.timestamp", "missing or not a non-negative integer");
        }
        return node.longValue();
    }

    private static SortedMap<Integer, byte[]> pcrs(JsonNode body) {
        JsonNode node = body.get("pcrs");
        if (node == null || !node.isObject()) {
            throw new MalformedAttestationException("payload.pcrs", "missing or not a map");
        }
        if (node.size() > MAX_PCRS) {
            throw new MalformedAttestationException("payload.pcrs", node.size() + " entries, more than " + MAX_PCRS);
        }
        SortedMap<Integer, byte[]> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int index;
            try {
                index = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new MalformedAttestationException("payload.pcrs", "key '" + e.getKey() + "' is not a PCR index");
            }
            if (index < 0 || index >= MAX_PCRS) {
                throw new MalformedAttestationException("payload.pcrs", "PCR index " + index + " out of range");
            }
            byte[] value = binary(e.getValue(), "payload.pcrs[" + index + "]");
            if (value.length > MAX_PCR_BYTES) {
                throw new MalformedAttestationException("payload.pcrs[" + index + "]", "longer than " + MAX_PCR_BYTES + " bytes");
            }
            result.put(index, value);
        }
        return result;
    }

    private static List<byte[]> cabundle(JsonNode body) {
        JsonNode node = body.get("cabundle");
        if (node == null || !node.isArray()) {
            throw new MalformedAttestationException("payload.cabundle", "missing or not an array");
        }
        if (node.size() > MAX_CABUNDLE_ENTRIES) {
            throw new MalformedAttestationException("payload.cabundle", node.size()
                    + " certificates, more than " + MAX_CABUNDLE_ENTRIES + " (chain too long)");
        }
        List<byte[]> result = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            byte[] der = binary(node.get(i), "payload.cabundle[" + i + "]");
            if (der.length == 0 || der.length > MAX_CERTIFICATE_BYTES) {
                throw new MalformedAttestationException("payload.cabundle[" + i + "]", "certificate is " + der.length
                        + " bytes (allowed 1.." + MAX_CERTIFICATE_BYTES + ")");
            }
            result.add(der);
        }
        return result;
    }

    private static byte[] bytes(JsonNode body, String field, int max, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedAttestationException("payload." + field, "missing");
            }
            return null;
        }
        byte[] value = binary(node, "payload." + field);
        if (value.length > max || (required && value.length == 0)) {
            throw new MalformedAttestationException("payload." + field, value.length + " bytes (allowed "
                    + (required ? 1 : 0) + ".." + max + ")");
        }
        return value;
    }

    public byte[] protectedHeader() {
        return protectedHeader.clone();
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The COSE algorithm id from the protected header; ES384 is -35. Empty if the header names none. */
    public Optional<Integer> algorithm() {
        return Optional.ofNullable(algorithm);
    }

    public String moduleId() {
        return moduleId;
    }

    public String digest() {
        return digest;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    /** PCR index -> value (copies). */
    public SortedMap<Integer, byte[]> pcrs() {
        SortedMap<Integer, byte[]> copy = new TreeMap<>();
        pcrs.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    public Optional<byte[]> pcr(int index) {
        byte[] value = pcrs.get(index);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    public byte[] certificate() {
        return certificate.clone();
    }

    /** Root first, as AWS sends it. */
    public List<byte[]> cabundle() {
        return cabundle.stream().map(byte[]::clone).toList();
    }

    public Optional<byte[]> publicKey() {
        return Optional.ofNullable(publicKey).map(byte[]::clone);
    }

    public Optional<byte[]> userData() {
        return Optional.ofNullable(userData).map(byte[]::clone);
    }

    public Optional<byte[]> nonce() {
        return Optional.ofNullable(nonce).map(byte[]::clone);
    }
}
