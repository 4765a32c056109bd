package io.proofdesk.chain.sync;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders built records with every field that is stored (tensor bytes and strings included) so that two decodings can
 * be compared exactly, and a whole run summed up as one SHA-256 that can be compared across builds.
 */
final class RecordDigest {

    private RecordDigest() {
    }

    static String render(BuiltRecord r) {
        Inference i = r.inference();
        StringBuilder s = new StringBuilder();
        s.append(i.id()).append('|').append(i.mode()).append('|').append(i.model()).append('|').append(i.modelVersion())
                .append('|').append(i.teeId()).append('|').append(i.nodeUrl()).append('|').append(i.settlement())
                .append('|').append(i.blockNumber()).append('|').append(i.timestamp()).append('|')
                .append(i.ethAddress()).append('|').append(i.inputHash()).append('|').append(i.outputHash())
                .append('|').append(i.signature().toHex()).append('|').append(i.blobId()).append('|')
                .append(i.merkleRoot()).append('|').append(i.merkleProof()).append('|').append(i.evidence())
                .append("\n  in:");
        tensors(s, i.inputs());
        s.append("\n  out:");
        tensors(s, i.outputs());
        s.append("\n  problems:").append(r.problems()).append("\n  nodeApi:").append(r.nodeApiOutput());
        return s.toString();
    }

    private static void tensors(StringBuilder s, List<Tensor> tensors) {
        for (Tensor t : tensors) {
            s.append(" [").append(t.name()).append(' ').append(t.type()).append(' ')
                    .append(Arrays.toString(t.shape())).append(' ').append(HexFormat.of().formatHex(t.data()))
                    .append(' ').append(t.strings()).append(']');
        }
    }

    static String sha256(List<BuiltRecord> records) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (BuiltRecord r : records) {
                md.update(render(r).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
