package io.proofdesk.attest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

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
}
