package io.proofdesk.cli;

import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.bench.BenchResult;
import io.proofdesk.bench.SignatureBenchmark;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.NitroDocumentIssuer;
import io.proofdesk.devnet.tee.NitroDocumentRequest;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.devnet.tee.TeeSigner;
import org.web3j.crypto.Hash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "sigs", mixinStandardHelpOptions = true,
        description = "RSA-PSS settlement checks/s (vs the JDK's bare verify) and attestation documents verified/s, one core.")
public final class BenchSigsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "4000")
    int iterations;

    @Override
    public Integer call() throws Exception {
        TeeSigner signer = TeeSigner.generate(SeededRandom.of("bench-sigs"));
        byte[] in = Hash.sha3("input".getBytes(StandardCharsets.UTF_8));
        byte[] out = Hash.sha3("output".getBytes(StandardCharsets.UTF_8));
        BigInteger ts = BigInteger.valueOf(1_764_000_000L);
        DemoAttestationAuthority ca = DemoAttestationAuthority.create(SeededRandom.of("bench-ca"));
        NodeTlsCertificate tls = NodeTlsCertificate.selfSigned("bench", SeededRandom.of("bench-tls"),
                Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(3650));
        byte[] doc = new NitroDocumentIssuer(ca, SeededRandom.of("bench-doc")).issue(NitroDocumentRequest.forNode(
                "bench", Instant.now(), DemoMeasurements.of("bench"), signer.publicKeyDer(), tls.der(), new byte[32]));
        BenchResult r = new SignatureBenchmark(signer.publicKey(), in, out, ts, signer.signSettlement(in, out, ts), doc,
                TrustedRoots.of(ca.trustedRoot())).run(iterations);
        spec.commandLine().getOut().println(r.line());
        return ExitCode.VERIFIED;
    }
}
