package io.proofdesk.attest;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bytes a COSE_Sign1 signature covers. Public so the demo network's document issuer signs exactly the bytes the
 * verifier rebuilds, from one definition.
 */
public final class CoseSigStructure {

    private CoseSigStructure() {
    }

    /**
     * COSE Sig_structure for COSE_Sign1 (RFC 9052 §4.4): ["Signature1", protected, external_aad = h'', payload],
     * definite lengths throughout — that is what the signer hashed.
     */
    public static byte[] of(byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + protectedHeader.length + 32);
        try (CBORGenerator g = Cbor.FACTORY.createGenerator(out)) {
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
