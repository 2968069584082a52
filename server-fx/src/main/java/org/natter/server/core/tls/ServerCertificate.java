package org.natter.server.core.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.natter.common.security.Fingerprints;

/**
 * The server's own key and self-signed certificate: an ECDSA P-256 key, made once, kept in the data directory as
 * {@value #CERT_FILE} and {@value #KEY_FILE} (the key readable by the owner only), and used again on every start so
 * that the fingerprint clients have pinned stays valid. Nothing here may run on an I/O or FX thread: making a key
 * and reading files block.
 *
 * @param key         the private key
 * @param certificate the certificate clients see
 * @param fingerprint the SHA-256 fingerprint of the certificate (see {@link Fingerprints})
 */
public record ServerCertificate(PrivateKey key, X509Certificate certificate, String fingerprint) {

    public static final String CERT_FILE = "server-cert.pem";
    public static final String KEY_FILE = "server-key.pem";

    /** Long, because nothing checks it: clients trust the pinned fingerprint, not a date. */
    private static final Duration VALIDITY = Duration.ofDays(100 * 365L);

    /** The safety code people compare (see {@link Fingerprints#safetyCode}). */
    public String safetyCode() {
        return Fingerprints.safetyCode(fingerprint);
    }

    /**
     * The certificate of {@code dataDir}, made there first if it has none yet.
     *
     * @throws IOException when the files cannot be read or written, or hold something else than a key and a certificate
     */
    public static ServerCertificate loadOrCreate(Path dataDir) throws IOException {
        Path cert = dataDir.resolve(CERT_FILE);
        Path key = dataDir.resolve(KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return load(cert, key);
        }
        return createIn(dataDir);
    }

    /** Makes a new key and certificate and writes them to {@code dataDir}, replacing any old ones. */
    public static ServerCertificate createIn(Path dataDir) throws IOException {
        ServerCertificate created = generate();
        Files.createDirectories(dataDir);
        writeAtomically(dataDir, KEY_FILE, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(created.key, null)), true);
        writeAtomically(dataDir, CERT_FILE, pem(created.certificate), false);
        return created;
    }

    /** A key and certificate in memory only (tests, and a demo that leaves nothing behind). */
    public static ServerCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Natter Server");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return of(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Could not make a server certificate", e);
        }
    }

    private static ServerCertificate of(PrivateKey key, X509Certificate certificate) {
        try {
            return new ServerCertificate(key, certificate, Fingerprints.of(certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("The certificate cannot be encoded", e);
        }
    }

    private static ServerCertificate load(Path certFile, Path keyFile) throws IOException {
        Object certObject = readPem(certFile);
        Object keyObject = readPem(keyFile);
        if (!(certObject instanceof X509CertificateHolder holder) || !(keyObject instanceof PrivateKeyInfo keyInfo)) {
            throw new IOException("The files " + certFile.getFileName() + " and " + keyFile.getFileName() + " in "
                    + certFile.getParent() + " do not hold a certificate and a key. Move them away to make new ones.");
        }
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
            return of(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IOException("The server certificate in " + certFile.getParent() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Object readPem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /**
     * Writes through a temporary file, so a crash leaves the old file or the new one; a private file gets owner-only
     * permissions before anything is written to it.
     */
    private static void writeAtomically(Path dir, String name, String content, boolean ownerOnly) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.deleteIfExists(tmp);
        if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            writer.write(content);
        }
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
