package io.proofdesk.attest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one CBOR setup for attestation documents: strict (no duplicate keys), shallow, size-capped. */
final class Cbor {

    static final int MAX_NESTING = 8;

    /** Immutable once built; Jackson factories and mappers are thread-safe. */
    static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxDocumentLength(NitroAttestationDocument.MAX_DOCUMENT_BYTES)
                    .maxStringLength(NitroAttestationDocument.MAX_DOCUMENT_BYTES)
                    .maxNumberLength(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final CBORMapper MAPPER = new CBORMapper(FACTORY);

    private Cbor() {
    }

    /**
     * COSE Sig_structure for COSE_Sign1 (RFC 9052 §4.4): ["Signature1", protected, external_aad = h'', payload],
     * definite lengths throughout — that is what the signer hashed.
     */
    static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + protectedHeader.length + 32);
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(protectedHeader);
            g.writeBinary(new byte[0]);
            g.writeBinary(payload);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] encoded = out.toByteArray();
        if (encoded[0] != (byte) 0x84) {
            throw new IllegalStateException("Sig_structure was not written as a definite 4-element array");
        }
        return encoded;
    }
}
