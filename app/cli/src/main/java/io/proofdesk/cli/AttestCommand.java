package io.proofdesk.cli;

import io.proofdesk.attest.NitroAttestationResult;
import io.proofdesk.attest.ChainCertificate;
import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.NitroAttestationDocument;
import io.proofdesk.attest.NitroAttestationVerifier;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.Callable;

@Command(name = "attest", mixinStandardHelpOptions = true,
        description = {"Check a standalone Nitro attestation document (raw CBOR or base64) against the AWS Nitro root "
                + "(or --root), at the document's own time.",
                "Exit 0 VALID, 1 INVALID, 2 a valid document from a debug-mode enclave (PCR0-2 zero: it attests no "
                + "code), 3 unreadable."})
public final class AttestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The attestation document")
    Path file;

    @Option(names = "--at", paramLabel = "ISO-TIME", description = "Also report the document's age at this time")
    String at;

    @Option(names = "--root", paramLabel = "PEM", description = "Trust this root certificate too (e.g. the demo root)")
    Path root;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes = ReexecCommand.read(file, NitroAttestationDocument.MAX_BASE64_CHARS + 4096L);
        TrustedRoots roots = TrustedRoots.awsNitro();
        if (root != null) {
            try {
                roots = roots.with(TrustedRoot.of("user-supplied root " + root.getFileName(),
                        ReexecCommand.read(root, 64 * 1024)));
            } catch (KeyFormatException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        Instant when = null;
        if (at != null) {
            try {
                when = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new UserInputException("--at is not an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z): " + at);
            }
        }
        NitroAttestationResult check = new NitroAttestationVerifier(roots).verify(bytes);
        if (check.timestamp() == null) {
            out.println("verdict   INVALID");
            check.reasons().forEach(r -> out.println("reason    " + r));
            return ExitCode.BAD_INPUT;
        }
        HexFormat hex = HexFormat.of();
        out.println("module    " + check.moduleId());
        out.println("timestamp " + check.timestamp());
        if (when != null) {
            out.println("age       " + Duration.between(check.timestamp(), when) + " at " + when);
        }
        check.pcrs().forEach((i, v) -> {
            if (!v.matches("0*")) {
                out.printf("pcr%-6d %s%n", i, v);
            }
        });
        check.pcrHash().ifPresent(h -> out.println("pcrHash   0x" + hex.formatHex(h)));
        out.println("publicKey " + (check.publicKey() == null ? "-" : hex.formatHex(check.publicKey())));
        out.println("userData  " + (check.userData() == null ? "-" : hex.formatHex(check.userData())));
        check.userDataBinding().ifPresent(b -> out.println("binding   tls sha256 " + hex.formatHex(b.tlsCertificateSha256())
                + ", key sha256 " + hex.formatHex(b.signingKeySha256())));
        out.println("nonce     " + (check.nonce() == null ? "-" : hex.formatHex(check.nonce())));
        for (ChainCertificate c : check.chain()) {
            out.println("chain     " + c.subject() + " (" + c.notBefore() + " .. " + c.notAfter() + ")");
        }
        out.println("anchor    " + (check.trustAnchor() == null ? "-" : check.trustAnchor()));
        if (check.isValid() && check.debugMode()) {
            // a genuine AWS signature over zero PCRs: the document is real, but what it vouches for is nothing
            out.println("verdict   UNVERIFIED");
            out.println("reason    " + NitroAttestationResult.DEBUG_MODE_REASON);
            return ExitCode.UNVERIFIED;
        }
        out.println("verdict   " + check.status());
        check.reasons().forEach(r -> out.println("reason    " + r));
        return check.isValid() ? ExitCode.VERIFIED : ExitCode.MISMATCH;
    }
}
