package io.proofdesk.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Adds the standard PDF digital signature to a rendered report: an incremental update with one signature field whose
 * CMS (PKCS#7 detached, {@code adbe.pkcs7.detached}) covers every byte of the file but the signature itself, so any
 * PDF reader can tell the file is unmodified since it was signed.
 *
 * <p>Why the CMS signer is a one-time ECDSA P-256 key and not the auditor's Ed25519 key itself: Ed25519 in CMS is
 * not understood by the verifiers people use (poppler's {@code pdfsig} on NSS 3.87 says "Document isn't signed or
 * corrupted data" for it, OpenSSL 3.0's {@code cms -verify} fails with "invalid digest"), while ECDSA P-256 with
 * SHA-256 is. So each PDF is signed by a fresh key whose certificate the auditor key issues (and whose private half
 * is discarded once the PDF is signed): the signature chains to the auditor's certificate, and
 * {@code check-report} checks that link under the auditor key the JSON is signed with. Nothing but the auditor key
 * has to be kept secret.
 */
final class PdfReportSigner {

    static final String CURVE = "secp256r1";
    static final String CMS_ALGORITHM = "SHA256withECDSA";
    /** Room for the CMS (two certificates and one signature take about 1.5 KB); PDFBox pads the rest with zeros. */
    private static final int SIGNATURE_ROOM = 8192;

    private final AuditorKey key;

    PdfReportSigner(AuditorKey key) {
        this.key = key;
    }

    /** {@code unsigned} (a report PDF as {@link PdfReportExporter#render} draws it) with its signature added. */
    byte[] sign(byte[] unsigned, SignedReport report) throws IOException {
        Instant at = Instant.parse(report.report().createdAt());
        KeyPair oneTime = oneTimeKey();
        X509Certificate auditor = key.certificate();
        X509Certificate signer = AuditorCertificate.issueOneTime(key, auditor, oneTime.getPublic(), at, report.sha256());
        try (PDDocument doc = Loader.loadPDF(unsigned); SignatureOptions options = new SignatureOptions()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName(AuditorCertificate.commonName(key.publicKey()));
            sig.setReason("Proofdesk verification report, SHA-256 " + report.sha256());
            sig.setSignDate(calendar(at));
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            doc.addSignature(sig, content -> cms(content.readAllBytes(), oneTime.getPrivate(), signer, auditor, at),
                    options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 2 * SIGNATURE_ROOM);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] cms(byte[] content, PrivateKey signingKey, X509Certificate signer, X509Certificate auditor,
                              Instant at) throws IOException {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(CMS_ALGORITHM).build(signingKey), signer));
            gen.addCertificates(new JcaCertStore(List.of(signer, auditor)));
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    private static KeyPair oneTimeKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(CURVE));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make ECDSA P-256 keys", e);
        }
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli());
        return c;
    }
}
