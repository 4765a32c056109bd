package io.proofdesk.cli;

import ai.onnx.proto.OnnxMl;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.NitroDocumentIssuer;
import io.proofdesk.devnet.tee.NitroDocumentRequest;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.devnet.tee.TeeSigner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless twins: reexec on ONNX's own test data, attest on a demo document, check-signature. */
class VerificationCommandsTest {

    static final Path GEMM = Path.of("/usr/share/libonnx-testdata/data/node/test_gemm_default_no_bias");

    @TempDir
    Path dir;

    private static String[] reexecArgs(Path model, Path expect) {
        return new String[] {"reexec", "--model", model.toString(),
            "--input", GEMM.resolve("test_data_set_0/input_0.pb").toString(),
            "--input", GEMM.resolve("test_data_set_0/input_1.pb").toString(),
            "--expect", expect.toString()};
    }

    @Test
    @DisplayName("reexec on ONNX's gemm test data matches its expected output (exit 0)")
    void reexecMatches() {
        CliTestRun run = CliTestRun.of(reexecArgs(GEMM.resolve("model.onnx"), GEMM.resolve("test_data_set_0/output_0.pb")));
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.err());
        assertTrue(run.out().contains("result  MATCH"), run.out());
    }

    @Test
    @DisplayName("reexec with a tampered expected output reports the mismatch (exit 1)")
    void reexecTamperedExpectation() throws Exception {
        OnnxMl.TensorProto expected = OnnxMl.TensorProto.parseFrom(
                Files.readAllBytes(GEMM.resolve("test_data_set_0/output_0.pb")));
        byte[] raw = expected.getRawData().toByteArray();
        raw[3] ^= 0x40;  // flips a high bit of the first float
        Path tampered = dir.resolve("output_0.pb");
        Files.write(tampered, expected.toBuilder().setRawData(com.google.protobuf.ByteString.copyFrom(raw)).build()
                .toByteArray());
        CliTestRun run = CliTestRun.of(reexecArgs(GEMM.resolve("model.onnx"), tampered));
        assertEquals(ExitCode.MISMATCH, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("OUT_OF_TOLERANCE"), run.out());
    }

    @Test
    @DisplayName("reexec on a truncated model file is bad input (exit 3) with a sentence, no stack trace")
    void reexecTruncatedModel() throws Exception {
        byte[] model = Files.readAllBytes(GEMM.resolve("model.onnx"));
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(model, model.length / 2));
        CliTestRun run = CliTestRun.of(reexecArgs(truncated, GEMM.resolve("test_data_set_0/output_0.pb")));
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("truncated") || run.err().contains("ONNX"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    @DisplayName("reexec with an input whose data disagrees with its shape is bad input (exit 3)")
    void reexecShapeDisagrees() throws Exception {
        OnnxMl.TensorProto in = OnnxMl.TensorProto.parseFrom(Files.readAllBytes(GEMM.resolve("test_data_set_0/input_0.pb")));
        Path bad = dir.resolve("input_0.pb");
        Files.write(bad, in.toBuilder().setDims(0, 1_000_000).build().toByteArray());
        CliTestRun run = CliTestRun.of("reexec", "--model", GEMM.resolve("model.onnx").toString(), "--input", bad.toString(),
                "--input", GEMM.resolve("test_data_set_0/input_1.pb").toString(),
                "--expect", GEMM.resolve("test_data_set_0/output_0.pb").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
    }

    private byte[] demoDocument(DemoAttestationAuthority ca) {
        TeeSigner signer = TeeSigner.generate(SeededRandom.of("cli-attest"));
        NodeTlsCertificate tls = NodeTlsCertificate.selfSigned("cli", SeededRandom.of("cli-tls"),
                Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(3650));
        return new NitroDocumentIssuer(ca, SeededRandom.of("cli-doc")).issue(NitroDocumentRequest.forNode("cli-node",
                Instant.parse("2026-01-15T10:00:00Z"), DemoMeasurements.of("cli"), signer.publicKeyDer(), tls.der(),
                new byte[] {1, 2, 3}));
    }

    @Test
    @DisplayName("attest on a demo document: valid with --root (the demo root), invalid against the AWS root alone")
    void attestDemoDocument() throws Exception {
        DemoAttestationAuthority ca = DemoAttestationAuthority.create(SeededRandom.of("cli-ca"));
        Path doc = dir.resolve("doc.b64");
        Files.write(doc, Base64.getEncoder().encode(demoDocument(ca)));
        Path root = dir.resolve("root.pem");
        Files.writeString(root, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(ca.root().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        CliTestRun trusted = CliTestRun.of("attest", doc.toString(), "--root", root.toString(), "--at", "2026-01-15T10:05:00Z");
        assertEquals(ExitCode.VERIFIED, trusted.exitCode(), trusted.out() + trusted.err());
        assertTrue(trusted.out().contains("module    cli-node"), trusted.out());
        assertTrue(trusted.out().contains("nonce     010203"), trusted.out());
        assertTrue(trusted.out().contains("age       PT5M"), trusted.out());
        CliTestRun untrusted = CliTestRun.of("attest", doc.toString());
        assertEquals(ExitCode.MISMATCH, untrusted.exitCode(), untrusted.out());
        assertTrue(untrusted.out().contains("verdict   INVALID"), untrusted.out());
    }

    @Test
    @DisplayName("attest on malformed CBOR is bad input (exit 3) with the reason")
    void attestMalformed() throws Exception {
        Path doc = dir.resolve("junk.cbor");
        Files.write(doc, new byte[] {(byte) 0x84, 0x40, (byte) 0xa0, 0x5a, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        CliTestRun run = CliTestRun.of("attest", doc.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("malformed"), run.out());
    }

    @Test
    @DisplayName("check-signature: a TEE's RSA-PSS signature is valid (0), a changed message invalid (1), "
            + "PKCS#1 v1.5 is rejected (1), a garbage key is bad input (3)")
    void checkSignature() throws Exception {
        TeeSigner signer = TeeSigner.generate(SeededRandom.of("cli-sig"));
        byte[] in = new byte[32];
        byte[] out = new byte[32];
        out[0] = 7;
        java.math.BigInteger ts = java.math.BigInteger.valueOf(1_764_000_000L);
        byte[] msgHash = io.proofdesk.attest.TeeSignatures.settlementMessageHash(in, out, ts);
        byte[] sig = signer.signSettlement(in, out, ts);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, signer.publicKeyPem());
        HexFormat hex = HexFormat.of();
        CliTestRun valid = CliTestRun.of("check-signature", "--scheme", "rsa-pss-sha256", "--key", key.toString(),
                "--message", hex.formatHex(msgHash), "--signature", Base64.getEncoder().encodeToString(sig));
        assertEquals(ExitCode.VERIFIED, valid.exitCode(), valid.out() + valid.err());
        byte[] other = msgHash.clone();
        other[0] ^= 1;
        CliTestRun invalid = CliTestRun.of("check-signature", "--scheme", "rsa-pss-sha256", "--key", key.toString(),
                "--message", hex.formatHex(other), "--signature", "0x" + hex.formatHex(sig));
        assertEquals(ExitCode.MISMATCH, invalid.exitCode(), invalid.out());

        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pkcs = g.generateKeyPair();
        Signature v15 = Signature.getInstance("SHA256withRSA");
        v15.initSign(pkcs.getPrivate());
        v15.update(msgHash);
        Path pkcsKey = dir.resolve("pkcs.pem");
        Files.writeString(pkcsKey, PublicKeys.toPem(pkcs.getPublic()));
        CliTestRun rejected = CliTestRun.of("check-signature", "--scheme", "rsa-pss-sha256", "--key", pkcsKey.toString(),
                "--message", hex.formatHex(msgHash), "--signature", hex.formatHex(v15.sign()));
        assertEquals(ExitCode.MISMATCH, rejected.exitCode(), rejected.out());
        assertTrue(rejected.out().startsWith("INVALID"), rejected.out());

        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a key", StandardCharsets.US_ASCII);
        CliTestRun bad = CliTestRun.of("check-signature", "--scheme", "rsa-pss-sha256", "--key", junk.toString(),
                "--message", "00", "--signature", "00");
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode(), bad.err());
    }

    @Test
    @DisplayName("verify without endpoints on a store never synced is bad input (exit 3); bench lists its benchmarks")
    void verifyNeedsEndpoints() {
        CliTestRun run = CliTestRun.of("verify", "--all", "--data-dir", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--devnet"), run.err());
        CliTestRun bench = CliTestRun.of("bench");
        assertTrue(bench.out().contains("reexec") && bench.out().contains("batch") && bench.out().contains("sigs"),
                bench.out());
    }
}
