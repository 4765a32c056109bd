package io.proofdesk.verify.checks;

import io.proofdesk.attest.NitroAttestationVerifier;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.attest.UserDataBinding;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Tee;
import io.proofdesk.verify.AttestationSource;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.RunCache;
import io.proofdesk.verify.StoredFacts;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TEE's node attests now to what the registry says it runs: a document fetched with a fresh random nonce
 * verifies (COSE ES384, chain to a trusted root at the document's own time), echoes the nonce (a replayed
 * document cannot), is recent, binds the registered signing key and TLS certificate in user_data, and measures
 * the registered PCR set, which is approved. One fetch per TEE per verification run.
 */
public final class AttestationCheck implements InferenceCheck {

    public static final int NONCE_BYTES = 32;

    private final AttestationSource source;
    private final NitroAttestationVerifier verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final SecureRandom random;
    private final RunCache<String, CheckResult> perTee = new RunCache<>();

    public AttestationCheck(AttestationSource source, TrustedRoots roots, Clock clock, Duration maxAge,
                            SecureRandom random) {
        this.source = source;
        this.verifier = new NitroAttestationVerifier(roots);
        this.clock = clock;
        this.maxAge = maxAge;
        this.random = random;
    }

    @Override
    public String name() {
        return CheckNames.ATTESTATION;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        StoredFacts facts = evidence.facts();
        String teeId = facts.inference().teeId();
        if (teeId == null) {
            return BatchInclusionCheck.layoutWithoutTee(evidence).map(why -> CheckLines.unverified(name(), why))
                    .orElseGet(() -> CheckLines.fail(name(), "the record names no TEE"));
        }
        return perTee.get(teeId.toLowerCase(java.util.Locale.ROOT), () -> attest(facts));
    }

    /** How many TEEs this run has attested (each fetched once). */
    public int teesAttested() {
        return perTee.size();
    }

    private CheckResult attest(StoredFacts facts) {
        Optional<Tee> row = facts.tee();
        if (row.isEmpty()) {
            return CheckLines.fail(name(), "TEE " + facts.inference().teeId() + " is not in the registry");
        }
        Tee tee = row.get();
        String node = facts.inference().nodeUrl() != null ? facts.inference().nodeUrl() : tee.endpoint();
        if (node == null || node.isBlank()) {
            return CheckLines.unverified(name(), "the registry names no endpoint for TEE " + tee.teeId());
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] document;
        try {
            document = source.attestation(node, nonce);
        } catch (IOException e) {
            return CheckLines.of(name(), (Fetched.Failed<?>) Fetched.fromIo("attestation of " + node, e));
        } catch (RuntimeException e) {
            return CheckLines.error(name(), "attestation of " + node + ": " + e.getMessage());
        }
        io.proofdesk.attest.NitroAttestationResult doc = verifier.verify(document);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("moduleId", String.valueOf(doc.moduleId()));
        details.put("documentTime", String.valueOf(doc.timestamp()));
        details.put("trustAnchor", String.valueOf(doc.trustAnchor()));
        doc.pcrHash().ifPresent(h -> details.put("pcrHash", Numeric.toHexString(h)));
        // what the UI shows of the document: the measured PCRs (all-zero ones are unused slots) and the chain
        doc.pcrs().forEach((index, hex) -> {
            if (index <= 2 || !hex.chars().allMatch(c -> c == '0')) {
                details.put("pcr." + index, hex);
            }
        });
        for (int i = 0; i < doc.chain().size(); i++) {
            var cert = doc.chain().get(i);
            details.put("chain." + i, cert.subject());
            details.put("chain." + i + ".issuer", cert.issuer());
            details.put("chain." + i + ".valid", cert.notBefore() + " .. " + cert.notAfter());
            details.put("chain." + i + ".sha256", cert.sha256());
        }
        if (!doc.isValid()) {
            return CheckLines.fail(name(), "the attestation document does not verify: "
                    + String.join("; ", doc.reasons()), details);
        }
        List<String> problems = new ArrayList<>();
        if (doc.debugMode()) {
            problems.add(io.proofdesk.attest.NitroAttestationResult.DEBUG_MODE_REASON);
        }
        if (doc.nonce() == null || !MessageDigest.isEqual(doc.nonce(), nonce)) {
            problems.add("the document does not echo our nonce " + HexFormat.of().formatHex(nonce)
                    + " (a stale or replayed document)");
        }
        Instant now = clock.instant();
        Duration age = Duration.between(doc.timestamp(), now);
        if (age.abs().compareTo(maxAge) > 0) {
            problems.add("the document is dated " + doc.timestamp() + ", " + age.toMinutes()
                    + " minutes from now (allowed " + maxAge.toMinutes() + ")");
        }
        Optional<UserDataBinding> binding = doc.userDataBinding();
        if (binding.isEmpty()) {
            problems.add("user_data is not the 68-byte key binding");
        } else {
            if (tee.publicKey().isEmpty() || !binding.get().bindsKey(tee.publicKey().toArray())) {
                problems.add("user_data does not bind the registered signing key");
            }
            if (!tee.tlsCertificate().isEmpty() && !binding.get().bindsTlsCertificate(tee.tlsCertificate().toArray())) {
                problems.add("user_data does not bind the registered TLS certificate");
            }
        }
        String attested = doc.pcrHash().map(Numeric::toHexString).orElse(null);
        if (attested == null) {
            problems.add("the document lacks PCR0..2");
        } else if (tee.pcrHash() == null || !attested.equalsIgnoreCase(tee.pcrHash())) {
            problems.add("the node measures PCR hash " + attested + ", the registry holds " + tee.pcrHash());
        } else if (facts.approvalNow().isEmpty()) {
            problems.add("the PCR set " + attested + " is not approved on the registry");
        }
        if (!problems.isEmpty()) {
            return CheckLines.fail(name(), String.join("; ", problems), details);
        }
        return CheckLines.pass(name(), "fresh document binds the registered key and approved PCRs; chain ends in the "
                + doc.trustAnchor(), details);
    }
}
