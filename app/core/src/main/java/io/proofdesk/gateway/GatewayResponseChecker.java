package io.proofdesk.gateway;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.SignatureResult;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.attest.WrongKeyTypeException;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a response body exactly as a TEE gateway returned it — the step OpenGradient's SDK leaves to the caller:
 * its output hash against its own content, its request hash against the request the client sent (when given), the
 * key against the TEE id (and, from a synced store, against the registry and the TEE's status when it signed), and
 * the RSA-PSS signature under that key. Never throws for bad input: an unreadable file is an UNREADABLE result
 * naming the file and the JSON path.
 */
public final class GatewayResponseChecker {

    /** Files larger than this are refused unread. */
    public static final long MAX_FILE_BYTES = GatewayJson.MAX_FILE_BYTES;

    private static final HexFormat HEX = HexFormat.of();
    private static final String NO_KEY = "no key to check against";

    private final GatewayKeySource keys;
    private final String expectedTeeId;

    /** @param expectedTeeId the TEE the caller expects to have signed ({@code --tee-id}), or null */
    public GatewayResponseChecker(GatewayKeySource keys, String expectedTeeId) {
        this.keys = keys;
        this.expectedTeeId = expectedTeeId == null ? null : TeeId.fromHex(expectedTeeId).hex();
    }

    /** @param request the request as the client sent it, or null */
    public GatewayCheckResult check(Path response, Path request) {
        byte[] body;
        byte[] requestBody = null;
        try {
            body = GatewayJson.readFile(response);
            if (request != null) {
                requestBody = GatewayJson.readFile(request);
            }
        } catch (GatewayInputException e) {
            return GatewayCheckResult.unreadable(e.getMessage());
        }
        return check(body, response.toString(), requestBody, request == null ? null : request.toString());
    }

    public GatewayCheckResult check(byte[] response, String responseName, byte[] request, String requestName) {
        SignedGatewayResponse signed;
        Object requestValue = null;
        try {
            signed = new GatewayResponseParser(new GatewayJson(responseName)).parse(response);
            if (request != null) {
                requestValue = GatewayJson.plain(new GatewayJson(requestName).parse(request));
            }
        } catch (GatewayInputException e) {
            return GatewayCheckResult.unreadable(e.getMessage());
        } catch (GatewayUncheckableException e) {
            return GatewayCheckResult.cannotCheck(null, e.getMessage());
        }
        return switch (signed) {
            case SignedGatewayResponse.HashSigned h -> checkHashes(h, requestValue);
            case SignedGatewayResponse.JsonSigned j -> checkJson(j, requestValue);
        };
    }

    private GatewayCheckResult checkHashes(SignedGatewayResponse.HashSigned r, Object request) {
        byte[] outputHash = Hash.sha3(r.output().getBytes(StandardCharsets.UTF_8));
        GatewayCheckLine output = MessageDigest.isEqual(outputHash, r.outputHash())
                ? GatewayCheckLine.passed("keccak256 of " + r.outputWhat() + " is 0x" + HEX.formatHex(outputHash)
                        + ", as tee_output_hash says")
                : GatewayCheckLine.failed(r.outputWhat() + " hashes to 0x" + HEX.formatHex(outputHash)
                        + ", tee_output_hash says 0x" + HEX.formatHex(r.outputHash())
                        + ": the output is not what was signed");
        GatewayCheckLine requestLine = requestLine(request, "0x" + HEX.formatHex(r.requestHash()), given -> {
            if (r.format() == GatewayFormat.CURRENT_COMPLETION) {
                return List.of("0x" + HEX.formatHex(GatewayRequests.keccak(GatewayRequests.currentCompletion(given))));
            }
            // builds before 2026-04-03 left response_format out of the hash: each form counts
            List<String> forms = new ArrayList<>();
            for (boolean withFormat : new boolean[] {true, false}) {
                String form = "0x" + HEX.formatHex(GatewayRequests.keccak(GatewayRequests.currentChat(given, withFormat)));
                if (!forms.contains(form)) {
                    forms.add(form);
                }
            }
            return forms;
        }, "keccak256");
        Instant signedAt = r.signedAt();
        if (requestLine.status() == GatewayCheckLine.Status.FAILED && signedAt != null
                && signedAt.isBefore(GatewayRequests.CURRENT_REQUEST_HASH_SINCE)) {
            requestLine = GatewayCheckLine.notChecked("signed at " + signedAt + ", before 2026-03-06, when the gateway "
                    + "hashed the request its wrapper had rewritten; Proofdesk does not reproduce that rewrite ("
                    + requestLine.text() + ")");
        }
        KeyFinding key = findKey(r.teeId(), r);
        GatewayCheckLine signature = key.key() == null ? GatewayCheckLine.notChecked(NO_KEY)
                : signatureLine(() -> TeeSignatures.verifySettlement(key.key(), r.requestHash(), r.outputHash(),
                        r.timestamp(), r.signature()), "RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) over "
                        + "keccak256(tee_request_hash ‖ tee_output_hash ‖ uint256 tee_timestamp) verifies");
        return GatewayCheckResult.of(r.format(), r.teeId(), r.timestampText(), requestLine, output, key.line(),
                signature);
    }

    private GatewayCheckResult checkJson(SignedGatewayResponse.JsonSigned r, Object request) {
        GatewayCheckLine output = GatewayCheckLine.notGiven("no separate output hash: the signature covers the "
                + "response text itself");
        GatewayCheckLine requestLine;
        if (r.format() == GatewayFormat.INTERIM_CHAT && request != null) {
            requestLine = GatewayCheckLine.notChecked("this format hashed the request after the gateway's wrapper "
                    + "rewrote it; Proofdesk does not reproduce that rewrite");
        } else {
            requestLine = requestLine(request, r.requestHash().strip().toLowerCase(Locale.ROOT), given -> {
                // builds differ in the max_tokens a request without it gets (100, later None): each form counts
                List<String> forms = new ArrayList<>();
                GatewayUncheckableException refused = null;
                for (Integer maxTokens : LegacyGatewayRequests.LEGACY_MAX_TOKENS_DEFAULTS) {
                    try {
                        String form = HEX.formatHex(GatewayRequests.sha256(r.format() == GatewayFormat.LEGACY_COMPLETION
                                ? LegacyGatewayRequests.legacyCompletion(given, maxTokens)
                                : LegacyGatewayRequests.legacyChat(given, maxTokens)));
                        if (!forms.contains(form)) {
                            forms.add(form);
                        }
                    } catch (GatewayUncheckableException e) {
                        refused = refused == null ? e : refused;
                    }
                }
                if (forms.isEmpty()) {
                    throw refused;
                }
                return forms;
            }, "SHA-256");
        }
        KeyFinding key = findKey(null, r);
        GatewayCheckLine signature = key.key() == null ? GatewayCheckLine.notChecked(NO_KEY)
                : signatureLine(() -> TeeSignatures.verifyLegacy(key.key(), r.signedJson(), r.signature()),
                        "RSA-PSS (SHA-256, MGF1-SHA-256, maximum salt) over the sorted-keys JSON of the response, "
                                + "request hash and timestamp verifies");
        return GatewayCheckResult.of(r.format(), expectedTeeId, r.timestampText(), requestLine, output, key.line(),
                signature);
    }

    private interface RequestHasher {
        /** What the request hashes to, in each form a gateway build may have hashed it (hex, as the claim is written). */
        List<String> hashes(Object request);
    }

    private static GatewayCheckLine requestLine(Object request, String claimed, RequestHasher hasher, String hash) {
        if (request == null) {
            return GatewayCheckLine.notGiven("not given; the response claims " + claimed);
        }
        try {
            List<String> hashes = hasher.hashes(request);
            String mine = hashes.contains(claimed) ? null : String.join(" or ", hashes);
            return mine == null
                    ? GatewayCheckLine.passed(hash + " of the request given, as the gateway canonicalises it, is "
                            + claimed + ", as the response says")
                    : GatewayCheckLine.failed("the request given hashes to " + mine + " (" + hash + "), the response "
                            + "says " + claimed + ": the gateway answered a different request");
        } catch (GatewayUncheckableException e) {
            return GatewayCheckLine.notChecked(e.getMessage());
        }
    }

    private interface Verification {
        SignatureResult verify();
    }

    private static GatewayCheckLine signatureLine(Verification verification, String passed) {
        try {
            SignatureResult result = verification.verify();
            return result.isValid() ? GatewayCheckLine.passed(passed) : GatewayCheckLine.failed(result.reason());
        } catch (WrongKeyTypeException e) {
            return GatewayCheckLine.failed("the key is " + e.actual() + "; TEE gateways sign with RSA");
        }
    }

    private record KeyFinding(GatewayCheckLine line, PublicKey key) {
    }

    /** @param named the TEE id the response names, or null if its format names none */
    private KeyFinding findKey(String named, SignedGatewayResponse response) {
        if (named != null && expectedTeeId != null && !named.equals(expectedTeeId)) {
            PublicKey key = keys instanceof GatewayKeySource.GivenKey g ? g.key() : null;
            return new KeyFinding(GatewayCheckLine.failed("the response names TEE " + named + ", not " + expectedTeeId
                    + " (--tee-id)"), key);
        }
        String teeId = named != null ? named : expectedTeeId;
        return switch (keys) {
            case GatewayKeySource.NoKey n -> new KeyFinding(GatewayCheckLine.notGiven("none given"), null);
            case GatewayKeySource.GivenKey g -> givenKey(g, teeId, named != null);
            case GatewayKeySource.Registry reg -> registryKey(reg.lookup(), teeId, response);
        };
    }

    private static KeyFinding givenKey(GatewayKeySource.GivenKey g, String teeId, boolean named) {
        String id = TeeId.of(g.key()).hex();
        if (teeId == null) {
            return new KeyFinding(GatewayCheckLine.notGiven(g.source() + " (TEE id " + id + "); the response names "
                    + "no TEE to compare it with"), g.key());
        }
        String whose = named ? "the response's tee_id" : "the TEE asked for (--tee-id)";
        return id.equals(teeId)
                ? new KeyFinding(GatewayCheckLine.passed(g.source() + ": keccak256 of its DER is " + whose + " "
                        + teeId), g.key())
                : new KeyFinding(GatewayCheckLine.failed(whose + " is " + teeId + ", but " + g.source()
                        + " is the key of TEE " + id), g.key());
    }

    private static KeyFinding registryKey(TeeRegistryLookup lookup, String teeId, SignedGatewayResponse response) {
        if (teeId == null) {
            return new KeyFinding(GatewayCheckLine.notChecked("the response names no TEE (its format carries no "
                    + "tee_id): give the TEE id to look up"), null);
        }
        Optional<RegisteredTee> found;
        try {
            found = lookup.find(teeId);
        } catch (GatewayUncheckableException e) {
            return new KeyFinding(GatewayCheckLine.notChecked(e.getMessage()), null);
        }
        if (found.isEmpty()) {
            return new KeyFinding(GatewayCheckLine.notChecked("unknown TEE " + teeId + ": " + lookup.describe()
                    + " does not know it (" + lookup.unknownHint() + ")"), null);
        }
        RegisteredTee reg = found.get();
        byte[] der = reg.tee().publicKey().toArray();
        if (der.length == 0) {
            return new KeyFinding(GatewayCheckLine.notChecked("the registry holds no public key for TEE " + teeId),
                    null);
        }
        if (!TeeId.fromHex(teeId).matches(der)) {
            return new KeyFinding(GatewayCheckLine.failed("the key the registry holds for TEE " + teeId
                    + " does not hash to that id"), null);
        }
        PublicKey key;
        try {
            key = PublicKeys.parse(der, "the registry's key of TEE " + teeId);
        } catch (KeyFormatException e) {
            return new KeyFinding(GatewayCheckLine.failed(e.getMessage()), null);
        }
        String text = "the registry's key of TEE " + teeId + " (" + lookup.describe() + ")";
        return new KeyFinding(RegistryStatusAt.line(reg, response.signedAt(), text, lookup.asOf()), key);
    }
}
