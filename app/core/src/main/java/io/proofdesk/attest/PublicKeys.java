package io.proofdesk.attest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads public keys given as PEM ("PUBLIC KEY" or "CERTIFICATE") or DER (SubjectPublicKeyInfo or an X.509
 * certificate). Every input is treated as hostile: size-capped, one PEM block only, clear errors.
 */
public final class PublicKeys {

    public static final int MAX_KEY_BYTES = 16 * 1024;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]{1,40})-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PublicKeys() {
    }

    /** Any RSA or EC public key. */
    public static PublicKey parse(byte[] pemOrDer, String source) {
        byte[] der = toDer(pemOrDer, source);
        return fromDer(der, source);
    }

    public static RSAPublicKey parseRsa(byte[] pemOrDer, String source) {
        return requireRsa(parse(pemOrDer, source), source);
    }

    public static ECPublicKey parseEc(byte[] pemOrDer, String source) {
        PublicKey key = parse(pemOrDer, source);
        if (key instanceof ECPublicKey ec) {
            return ec;
        }
        throw new WrongKeyTypeException(source, "an EC", describe(key));
    }

    public static RSAPublicKey requireRsa(PublicKey key, String source) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new WrongKeyTypeException(source, "an RSA", describe(key));
    }

    /** The DER SubjectPublicKeyInfo of the key in {@code pemOrDer} (what a TEE id hashes). */
    public static byte[] spkiDer(byte[] pemOrDer, String source) {
        return parse(pemOrDer, source).getEncoded();
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String describe(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            return "EC (" + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve)";
        }
        if (key instanceof RSAPublicKey rsa) {
            return "RSA (" + rsa.getModulus().bitLength() + "-bit)";
        }
        return key.getAlgorithm();
    }

    private static byte[] toDer(byte[] input, String source) {
        if (input == null || input.length == 0) {
            throw new KeyFormatException(source, "empty key");
        }
        if (input.length > MAX_KEY_BYTES) {
            throw new KeyFormatException(source, "key is " + input.length + " bytes, more than " + MAX_KEY_BYTES);
        }
        if (input[0] == 0x30) {
            return input;
        }
        String text = new String(input, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            throw new KeyFormatException(source, "neither DER nor a PEM block");
        }
        String label = m.group(1);
        if (!label.equals("PUBLIC KEY") && !label.equals("CERTIFICATE")) {
            throw new KeyFormatException(source, "PEM block '" + label + "' is not a PUBLIC KEY or CERTIFICATE");
        }
        String body = m.group(2);
        if (m.find()) {
            throw new KeyFormatException(source, "more than one PEM block");
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(source, "bad base64 in PEM: " + e.getMessage(), e);
        }
    }

    private static PublicKey fromDer(byte[] der, String source) {
        if (looksLikeCertificate(der)) {
            try {
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                return cert.getPublicKey();
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new KeyFormatException(source, "not a readable X.509 certificate: " + e.getMessage(), e);
            }
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(spec);
                if (java.util.Arrays.equals(key.getEncoded(), der)) {
                    return key;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm; the error below names both
            }
        }
        throw new KeyFormatException(source, "not an RSA or EC SubjectPublicKeyInfo (DER)");
    }

    /** A certificate is SEQUENCE { SEQUENCE tbs { [0] version ... } ...}; an SPKI starts SEQUENCE { SEQUENCE algId { OID ... } }. */
    private static boolean looksLikeCertificate(byte[] der) {
        int i = skipHeader(der, 0);
        if (i < 0 || i >= der.length || der[i] != 0x30) {
            return false;
        }
        int j = skipHeader(der, i);
        return j >= 0 && j < der.length && (der[j] & 0xff) == 0xa0;
    }

    private static int skipHeader(byte[] der, int at) {
        if (at + 1 >= der.length) {
            return -1;
        }
        int len = der[at + 1] & 0xff;
        if (len < 0x80) {
            return at + 2;
        }
        int n = len & 0x7f;
        return n == 0 || n > 4 ? -1 : at + 2 + n;
    }
}
