package io.proofdesk.report;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * The auditor's Ed25519 signing key (JDK provider). Kept in the data directory as {@code auditor-key.pem} (PKCS#8,
 * owner read/write only) and {@code auditor-key.pub.pem} (SubjectPublicKeyInfo, to hand to whoever checks reports),
 * created on first use. A private key file that others can read is refused, as ssh does. Beside them,
 * {@code auditor-key.crt.pem} is the key's self-signed X.509 certificate ({@link AuditorCertificate}), which the
 * PDF report's digital signature chains to.
 */
public final class AuditorKey {

    public static final String PRIVATE_FILE = "auditor-key.pem";
    public static final String PUBLIC_FILE = "auditor-key.pub.pem";
    public static final String ALGORITHM = "Ed25519";
    private static final int MAX_KEY_FILE_BYTES = 16 * 1024;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private X509Certificate certificate;

    private AuditorKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static AuditorKey of(KeyPair pair) {
        return new AuditorKey(pair.getPrivate(), pair.getPublic());
    }

    public static AuditorKey generate() {
        try {
            return of(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    /**
     * The key in {@code dataDir}, created there (private file mode 600) if it does not exist yet, with its
     * certificate (created if missing).
     */
    public static AuditorKey loadOrCreate(Path dataDir) {
        AuditorKey key = loadOrCreateKey(dataDir);
        key.setCertificate(AuditorCertificate.loadOrCreate(dataDir, key));
        return key;
    }

    private static AuditorKey loadOrCreateKey(Path dataDir) {
        Path priv = dataDir.resolve(PRIVATE_FILE);
        if (Files.exists(priv)) {
            return load(priv);
        }
        AuditorKey key = generate();
        try {
            Files.createDirectories(dataDir);
            writeAtomically(priv, key.privateKeyPem(), true);
            writeAtomically(dataDir.resolve(PUBLIC_FILE), key.publicKeyPem(), false);
        } catch (FileAlreadyExistsException e) {
            return load(priv);
        } catch (IOException e) {
            throw new AuditorKeyException(priv, "cannot create the auditor key: " + e.getMessage(), e);
        }
        return key;
    }

    /** Reads a private key file (PKCS#8 PEM); its public half is derived from the file's own public key file. */
    public static AuditorKey load(Path privateKeyFile) {
        try {
            checkPermissions(privateKeyFile);
            byte[] der = pem(read(privateKeyFile), "PRIVATE KEY", privateKeyFile);
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
            Path pubFile = privateKeyFile.resolveSibling(PUBLIC_FILE);
            PublicKey pub = readPublicKey(pubFile);
            // the pair must belong together: sign and verify a probe
            byte[] probe = "proofdesk auditor key probe".getBytes(StandardCharsets.US_ASCII);
            if (!verify(pub, probe, sign(priv, probe))) {
                throw new AuditorKeyException(pubFile, "this public key does not belong to " + privateKeyFile);
            }
            AuditorKey key = new AuditorKey(priv, pub);
            Path cert = privateKeyFile.resolveSibling(AuditorCertificate.FILE);
            if (Files.exists(cert)) {
                key.setCertificate(AuditorCertificate.read(cert, key));
            }
            return key;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new AuditorKeyException(privateKeyFile, "not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** A public key from a PEM file ({@code auditor-key.pub.pem}), for {@code check-report --key}. */
    public static PublicKey readPublicKey(Path pemFile) {
        try {
            return publicKey(pem(read(pemFile), "PUBLIC KEY", pemFile));
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditorKeyException(pemFile, "not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** An Ed25519 public key from its SubjectPublicKeyInfo DER. */
    public static PublicKey publicKey(byte[] spki) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            return sign(privateKey, message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key's certificate: the one stored beside it, or (for a key not read from files) one made now. */
    public synchronized X509Certificate certificate() {
        if (certificate == null) {
            certificate = AuditorCertificate.selfSigned(this, Instant.now());
        }
        return certificate;
    }

    private synchronized void setCertificate(X509Certificate cert) {
        this.certificate = cert;
    }

    /** For the certificates this key issues (bcpkix signs them); never leaves the package. */
    PrivateKey privateKey() {
        return privateKey;
    }

    public byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /** SHA-256 of the public key's DER, lower-case hex: how reports and the PDF name the auditor. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyPem() {
        return toPem("PUBLIC KEY", publicKey.getEncoded());
    }

    String privateKeyPem() {
        return toPem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** Writes the public key PEM to {@code file} (the export a reader of reports needs). */
    public void exportPublicKey(Path file) throws IOException {
        Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
    }

    private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static String toPem(String type, byte[] der) {
        StringWriter w = new StringWriter();
        try (PemWriter pw = new PemWriter(w)) {
            pw.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static byte[] pem(String text, String type, Path where) throws IOException {
        try (PemReader r = new PemReader(new StringReader(text))) {
            PemObject o = r.readPemObject();
            if (o == null || !type.equals(o.getType())) {
                throw new IllegalArgumentException("expected a PEM block \"" + type + "\" in " + where);
            }
            return o.getContent();
        }
    }

    private static String read(Path p) throws IOException {
        if (Files.size(p) > MAX_KEY_FILE_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_KEY_FILE_BYTES + " bytes");
        }
        return Files.readString(p, StandardCharsets.US_ASCII);
    }

    private static void checkPermissions(Path priv) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(priv, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new AuditorKeyException(priv, "the private key is accessible to other users ("
                        + PosixFilePermissions.toString(perms) + "); run chmod 600 on it");
            }
        }
    }

    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret && Files.getFileStore(target.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        if (Files.exists(target)) {
            Files.delete(tmp);
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
