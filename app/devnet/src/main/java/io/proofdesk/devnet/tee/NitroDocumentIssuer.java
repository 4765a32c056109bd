package io.proofdesk.devnet.tee;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.proofdesk.attest.CoseSigStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes real Nitro-format attestation documents for demo nodes: COSE_Sign1 (tag 18) with protected header
 * {1: -35}, the CBOR payload map, and an ES384 signature over the Sig_structure by a leaf of the
 * {@link DemoAttestationAuthority}. The leaf is issued just before the document's own timestamp, as AWS does.
 */
public final class NitroDocumentIssuer {

    public static final int COSE_ALG_ES384 = -35;
    static final Duration LEAF_LEAD = Duration.ofMinutes(5);

    private final DemoAttestationAuthority authority;
    private final SecureRandom random;
    private final CBORFactory cbor = new CBORFactory();

    public NitroDocumentIssuer(DemoAttestationAuthority authority, SecureRandom random) {
        this.authority = authority;
        this.random = random;
    }

    /** A document with a fresh leaf valid around its timestamp. Raw CBOR; base64 it for HTTP. */
    public byte[] issue(NitroDocumentRequest request) {
        LeafCredential leaf = authority.issueLeaf(request.moduleId(), request.timestamp().minus(LEAF_LEAD),
                DemoAttestationAuthority.DEFAULT_LEAF_VALIDITY);
        return issue(request, leaf);
    }

    /** A document signed by a given leaf (tests use this for leaves not valid at the document's time). */
    public byte[] issue(NitroDocumentRequest request, LeafCredential leaf) {
        return encode(request, leaf, authority.caBundle(), COSE_ALG_ES384);
    }

    /** The low-level writer: any cabundle and any alg value in the protected header (for negative tests). */
    public byte[] encode(NitroDocumentRequest request, LeafCredential leaf, List<X509Certificate> cabundleRootFirst,
                         int algorithm) {
        byte[] protectedHeader = protectedHeader(algorithm);
        byte[] payload = payload(request, leaf.certificate(), cabundleRootFirst);
        byte[] signature = sign(leaf, CoseSigStructure.of(protectedHeader, payload));
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 256);
        try (CBORGenerator g = cbor.createGenerator(out)) {
            g.writeTag(18);
            g.writeStartArray(null, 4);
            g.writeBinary(protectedHeader);
            g.writeStartObject(0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(signature);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] protectedHeader(int algorithm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = cbor.createGenerator(out)) {
            g.writeStartObject(1);
            g.writeFieldId(1);
            g.writeNumber(algorithm);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] payload(NitroDocumentRequest r, X509Certificate leaf, List<X509Certificate> cabundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (CBORGenerator g = cbor.createGenerator(out)) {
            g.writeStartObject(9);
            g.writeStringField("module_id", r.moduleId());
            g.writeStringField("digest", "SHA384");
            g.writeNumberField("timestamp", r.timestamp().toEpochMilli());
            g.writeFieldName("pcrs");
            Map<Integer, byte[]> pcrs = r.pcrs();
            g.writeStartObject(pcrs.size());
            for (Map.Entry<Integer, byte[]> e : pcrs.entrySet()) {
                g.writeFieldId(e.getKey());
                g.writeBinary(e.getValue());
            }
            g.writeEndObject();
            g.writeBinaryField("certificate", leaf.getEncoded());
            g.writeFieldName("cabundle");
            g.writeStartArray(null, cabundle.size());
            for (X509Certificate c : cabundle) {
                g.writeBinary(c.getEncoded());
            }
            g.writeEndArray();
            writeOptional(g, "public_key", r.publicKey());
            writeOptional(g, "user_data", r.userData());
            writeOptional(g, "nonce", r.nonce());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void writeOptional(CBORGenerator g, String field, byte[] value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBinary(value);
        }
    }

    private byte[] sign(LeafCredential leaf, byte[] toBeSigned) {
        try {
            // P1363 = raw r||s, the COSE encoding; the algorithm follows the leaf key (a wrong key fails verification)
            String alg = leaf.privateKey().getAlgorithm().equals("EC") ? "SHA384withECDSAinP1363Format" : "SHA384withRSA";
            Signature s = Signature.getInstance(alg);
            s.initSign(leaf.privateKey(), random);
            s.update(toBeSigned);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES384 signing failed", e);
        }
    }
}
