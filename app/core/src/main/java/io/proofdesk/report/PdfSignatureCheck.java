package io.proofdesk.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a report PDF's own digital signature and its end (docs/REPORTS.md, "PDF signature"): the file ends with
 * {@code startxref N %%EOF} pointing at a cross-reference section (PDFBox would silently repair a file cut short);
 * it carries exactly one signature; that signature's byte range starts at 0, leaves out exactly its own
 * {@code /Contents} and ends at the file's last byte; its CMS verifies over those bytes; and the CMS signer's
 * certificate was issued by the auditor key (the key the attached JSON is signed with, and the expected key if
 * given).
 */
final class PdfSignatureCheck {

    private static final Set<String> SUBFILTERS = Set.of(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName(),
            PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
    private static final Pattern TAIL = Pattern.compile("startxref\\s+(\\d{1,15})\\s*%%EOF$");
    private static final Pattern OBJECT = Pattern.compile("^\\d{1,10}\\s+\\d{1,5}\\s+obj\\b");
    private static final int TAIL_BYTES = 64;

    /** Whether a signature was found, what failed, and what verified (for the check's printout). */
    record Result(boolean signed, List<String> problems, List<String> notes) {

        Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    private PdfSignatureCheck() {
    }

    /**
     * @param auditor the key the attached JSON is signed with (null when it could not be read)
     * @param expected the key the caller expects (check-report --key)
     */
    static Result check(byte[] pdf, PDDocument doc, PublicKey auditor, Optional<PublicKey> expected) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        end(pdf).ifPresent(problems::add);
        List<PDSignature> signatures;
        try {
            signatures = doc.getSignatureDictionaries();
        } catch (RuntimeException e) {
            problems.add("the PDF's signature fields cannot be read: " + ReportChecker.firstLine(e.getMessage()));
            return new Result(false, problems, notes);
        }
        if (signatures.isEmpty()) {
            return new Result(false, problems, notes);
        }
        if (signatures.size() > 1) {
            problems.add("the PDF carries " + signatures.size() + " signatures; a Proofdesk report carries one "
                    + "(a later one signs changes made after the report was signed)");
        }
        for (int i = 0; i < signatures.size(); i++) {
            String which = signatures.size() == 1 ? "the PDF signature" : "PDF signature " + (i + 1);
            one(pdf, signatures.get(i), which, auditor, expected, problems, notes);
        }
        return new Result(true, problems, notes);
    }

    /** Why the file's end is not a proper PDF end, if it is not. */
    static Optional<String> end(byte[] pdf) {
        int end = pdf.length;
        while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r' || pdf[end - 1] == ' ' || pdf[end - 1] == '\t')) {
            end--;
        }
        int from = Math.max(0, end - TAIL_BYTES);
        Matcher m = TAIL.matcher(new String(pdf, from, end - from, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return Optional.of("the PDF does not end with \"startxref OFFSET %%EOF\": it was cut short, or bytes were "
                    + "added after its end");
        }
        long offset = Long.parseLong(m.group(1));
        if (offset >= from + m.start()) {
            return Optional.of("the PDF's startxref points at byte " + offset + ", past its cross-reference section: "
                    + "the file was cut short or rearranged");
        }
        String at = new String(pdf, (int) offset, (int) Math.min(32, pdf.length - offset), StandardCharsets.ISO_8859_1);
        if (!at.startsWith("xref") && !OBJECT.matcher(at).find()) {
            return Optional.of("the PDF's startxref points at byte " + offset + ", which is not a cross-reference "
                    + "section: the file was cut short or rearranged");
        }
        return Optional.empty();
    }

    private static void one(byte[] pdf, PDSignature sig, String which, PublicKey auditor, Optional<PublicKey> expected,
                            List<String> problems, List<String> notes) {
        String subFilter = sig.getSubFilter();
        if (subFilter == null || !SUBFILTERS.contains(subFilter)) {
            problems.add(which + " is of type " + subFilter + ", not a detached CMS signature ("
                    + PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName() + ")");
            return;
        }
        int[] range = sig.getByteRange();
        if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0) {
            problems.add(which + " has a malformed byte range " + Arrays.toString(range));
            return;
        }
        long signedEnd = (long) range[2] + range[3];
        if (signedEnd < pdf.length) {
            problems.add(which + " covers bytes 0 to " + signedEnd + " but the file has " + pdf.length
                    + " bytes: bytes were added after it was signed (an incremental update changes what the pages show)");
            return;
        }
        if (signedEnd > pdf.length) {
            problems.add(which + " covers " + signedEnd + " bytes but the file has only " + pdf.length
                    + ": the file was cut short");
            return;
        }
        byte[] contents = gap(pdf, range[1], range[2]);
        if (contents == null || !Arrays.equals(contents, sig.getContents())) {
            problems.add(which + "'s byte range does not leave out exactly its own /Contents: the signed bytes are "
                    + "not the ones the signature dictionary names");
            return;
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        X509CertificateHolder signer = cms(signed, contents, which, problems);
        if (signer == null) {
            return;
        }
        String certified = certifiedBy(signer, auditor, expected, which, problems);
        if (certified != null) {
            notes.add(which + " covers the whole file (" + pdf.length + " bytes but its own " + (range[2] - range[1])
                    + "-byte contents) and verifies: " + subFilter + ", signer \"" + signer.getSubject()
                    + "\", certified by auditor key " + certified);
        }
    }

    /** The hex string between the byte ranges, decoded; null unless it is exactly "<hex>". */
    private static byte[] gap(byte[] pdf, int from, int to) {
        if (pdf[from] != '<' || pdf[to - 1] != '>' || (to - from) % 2 != 0) {
            return null;
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(new String(pdf, from + 1, to - from - 2, StandardCharsets.US_ASCII));
    }

    /** Verifies the CMS over {@code signed}; returns the signer's certificate when it verifies. */
    private static X509CertificateHolder cms(byte[] signed, byte[] contents, String which, List<String> problems) {
        try {
            // the contents are the DER of the CMS followed by zero padding: read the one object, ignore the padding
            ASN1Primitive der;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                der = in.readObject();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), ContentInfo.getInstance(der));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add(which + " has " + signers.size() + " signers; a Proofdesk report has one");
                return null;
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
            if (certs.size() != 1) {
                problems.add(which + " does not carry its signer's certificate");
                return null;
            }
            X509CertificateHolder cert = certs.iterator().next();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                problems.add(which + " does not verify under its signer's certificate (\"" + cert.getSubject() + "\")");
                return null;
            }
            return cert;
        } catch (CMSSignerDigestMismatchException e) {
            problems.add(which + " does not match the file: the signed bytes were changed after signing (digest mismatch)");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException
                 | RuntimeException e) {
            problems.add(which + " cannot be verified: " + ReportChecker.firstLine(e.getMessage()));
        }
        return null;
    }

    /** The fingerprint of the auditor key that issued the signer's certificate, or null (with a problem). */
    private static String certifiedBy(X509CertificateHolder signer, PublicKey auditor, Optional<PublicKey> expected,
                                      String which, List<String> problems) {
        PublicKey issuer = auditor != null ? auditor : expected.orElse(null);
        if (issuer == null) {
            problems.add(which + " cannot be tied to an auditor: the attached report names no readable key");
            return null;
        }
        if (!issued(signer, issuer)) {
            problems.add(which + "'s certificate (\"" + signer.getSubject() + "\") was not issued by the auditor key "
                    + AuditorKey.fingerprint(issuer) + " the report is signed with");
            return null;
        }
        if (expected.isPresent() && !MessageDigest.isEqual(expected.get().getEncoded(), issuer.getEncoded())) {
            problems.add(which + " is certified by " + AuditorKey.fingerprint(issuer) + ", not by the expected key "
                    + AuditorKey.fingerprint(expected.get()));
            return null;
        }
        return AuditorKey.fingerprint(issuer);
    }

    private static boolean issued(X509CertificateHolder cert, PublicKey issuer) {
        try {
            return cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
        } catch (CertException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}
