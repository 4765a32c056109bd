package io.proofdesk.attest;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PKIX validation of leaf → cabundle → trusted root at a given instant (the document's own time), with
 * revocation off (there is no network here). PKIX enforces signatures, name chaining, validity, basic
 * constraints, path length and critical extensions; loops and overlong bundles are refused up front.
 */
final class CertificateChainValidator {

    record Outcome(List<String> reasons, List<ChainCertificate> chain, String anchorLabel) {
    }

    private final TrustedRoots roots;

    CertificateChainValidator(TrustedRoots roots) {
        this.roots = roots;
    }

    static X509Certificate parseStrict(byte[] der, String field) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            // refuse PEM, trailing bytes and non-canonical encodings: what was signed must be what we read
            if (!Arrays.equals(cert.getEncoded(), der)) {
                throw new MalformedAttestationException(field, "certificate is not exactly one DER certificate");
            }
            return cert;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof MalformedAttestationException m) {
                throw m;
            }
            throw new MalformedAttestationException(field, "not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    Outcome validate(X509Certificate leaf, List<X509Certificate> bundleRootFirst, Instant at) {
        List<String> reasons = new ArrayList<>();
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        for (int i = bundleRootFirst.size() - 1; i >= 0; i--) {
            path.add(bundleRootFirst.get(i));
        }
        List<ChainCertificate> shown = path.stream().map(ChainCertificate::of).toList();
        if (roots.isEmpty()) {
            return new Outcome(List.of("no trusted roots configured"), shown, null);
        }
        if (bundleRootFirst.size() > NitroAttestationDocument.MAX_CABUNDLE_ENTRIES) {
            return new Outcome(List.of("certificate chain too long (" + bundleRootFirst.size() + " CA certificates, at most "
                    + NitroAttestationDocument.MAX_CABUNDLE_ENTRIES + ")"), shown, null);
        }
        Set<X509Certificate> seen = new HashSet<>();
        for (X509Certificate c : path) {
            if (!seen.add(c)) {
                return new Outcome(List.of("certificate chain loops: " + c.getSubjectX500Principal().getName()
                        + " appears twice"), shown, null);
            }
        }
        // the bundle normally repeats the root; the anchor must come from our trust set, never from the document
        while (path.size() > 1 && roots.find(path.getLast()).isPresent()) {
            path.removeLast();
        }
        Set<TrustAnchor> anchors = roots.roots().stream()
                .map(r -> new TrustAnchor(r.certificate(), null)).collect(Collectors.toSet());
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPath certPath = cf.generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            PKIXCertPathValidatorResult result =
                    (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, params);
            X509Certificate anchorCert = result.getTrustAnchor().getTrustedCert();
            TrustedRoot anchor = roots.find(anchorCert).orElseThrow();
            if (at.isBefore(anchorCert.getNotBefore().toInstant()) || at.isAfter(anchorCert.getNotAfter().toInstant())) {
                reasons.add("trusted root '" + anchor.label() + "' is not valid at the document time " + at);
            }
            List<ChainCertificate> full = new ArrayList<>(path.stream().map(ChainCertificate::of).toList());
            full.add(ChainCertificate.of(anchorCert));
            return new Outcome(reasons, full, anchor.label());
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " at " + path.get(e.getIndex()).getSubjectX500Principal().getName() : "";
            reasons.add("certificate chain does not validate at " + at + where + ": " + e.getMessage());
        } catch (InvalidAlgorithmParameterException | CertificateEncodingException e) {
            reasons.add("certificate chain cannot be evaluated: " + e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            reasons.add("certificate chain cannot be evaluated: " + e);
        }
        return new Outcome(reasons, shown, null);
    }
}
