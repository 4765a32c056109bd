package io.proofdesk.cli;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.SignatureVerifier;
import io.proofdesk.attest.SignatureResult;
import io.proofdesk.attest.SignatureScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;

@Command(name = "check-signature", mixinStandardHelpOptions = true,
        description = "Check one signature: RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) or ES384 (raw r||s).")
public final class CheckSignatureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, paramLabel = "rsa-pss-sha256|es384")
    String scheme;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Public key or certificate, PEM or DER")
    Path key;

    @Option(names = "--message", required = true, paramLabel = "HEX", description = "The signed message bytes, hex")
    String message;

    @Option(names = "--signature", required = true, paramLabel = "HEX|BASE64")
    String signature;

    @Override
    public Integer call() throws IOException {
        SignatureScheme s;
        try {
            s = SignatureScheme.fromCliName(scheme);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        byte[] keyBytes = ReexecCommand.read(key, 64 * 1024);
        byte[] msg = hex(message, "--message");
        byte[] sig = signatureBytes(signature);
        SignatureResult result;
        try {
            result = SignatureVerifier.verify(s, keyBytes, msg, sig);
        } catch (KeyFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println((result.isValid() ? "VALID" : "INVALID") + ": " + result.reason());
        return result.isValid() ? ExitCode.VERIFIED : ExitCode.MISMATCH;
    }

    private static byte[] hex(String text, String what) {
        String h = text.strip();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(what + " is not hex: " + e.getMessage());
        }
    }

    /** Hex if it reads as hex (0x-prefixed or only hex digits of even length), otherwise base64. */
    private static byte[] signatureBytes(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.matches("([0-9a-fA-F]{2})+")) {
            return hex(t, "--signature");
        }
        try {
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--signature is neither hex nor base64");
        }
    }
}
