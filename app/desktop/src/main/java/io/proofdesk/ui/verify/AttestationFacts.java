package io.proofdesk.ui.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.verify.CheckNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the attestation line found in the node's document: PCRs, the certificate chain, the root it ended in. */
public record AttestationFacts(String node, String moduleId, String documentTime, String trustAnchor,
                               List<Pcr> pcrs, List<Certificate> chain) {

    public record Pcr(int index, String hex) {
    }

    /** One certificate, leaf first. */
    public record Certificate(String subject, String issuer, String validity, String sha256) {
    }

    /** From the verdict's attestation line; empty when the record has none (VANILLA, ZKML) or it carries nothing. */
    public static Optional<AttestationFacts> of(List<CheckResult> checks) {
        return checks.stream().filter(c -> c.name().equals(CheckNames.ATTESTATION)).findFirst()
                .filter(c -> !c.details().isEmpty())
                .map(c -> of(c.details()));
    }

    static AttestationFacts of(Map<String, String> d) {
        TreeMap<Integer, String> pcrs = new TreeMap<>();
        TreeMap<Integer, Certificate> chain = new TreeMap<>();
        d.forEach((k, v) -> {
            if (k.startsWith("pcr.") && isIndex(k.substring(4))) {
                pcrs.put(Integer.parseInt(k.substring(4)), v);
            } else if (k.startsWith("chain.") && isIndex(k.substring(6))) {
                String i = k.substring(6);
                chain.put(Integer.parseInt(i), new Certificate(v, d.getOrDefault("chain." + i + ".issuer", ""),
                        d.getOrDefault("chain." + i + ".valid", ""), d.getOrDefault("chain." + i + ".sha256", "")));
            }
        });
        List<Pcr> p = new ArrayList<>();
        pcrs.forEach((i, hex) -> p.add(new Pcr(i, hex)));
        return new AttestationFacts(d.get("node"), d.get("moduleId"), d.get("documentTime"),
                "null".equals(d.get("trustAnchor")) ? null : d.get("trustAnchor"), p, List.copyOf(chain.values()));
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.length() < 4 && s.chars().allMatch(Character::isDigit);
    }
}
