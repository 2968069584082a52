package org.natter.server.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateTest {

    @TempDir
    Path dataDir;

    @Test
    void isMadeOnceAndReadAgainWithTheSameFingerprint() throws IOException {
        ServerCertificate first = ServerCertificate.loadOrCreate(dataDir);
        ServerCertificate again = ServerCertificate.loadOrCreate(dataDir);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(first.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(first.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void keepsTheKeyReadableByTheOwnerOnly() throws IOException {
        ServerCertificate.loadOrCreate(dataDir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(ServerCertificate.KEY_FILE))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(dataDir.resolve(ServerCertificate.CERT_FILE))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(dataDir.resolve(ServerCertificate.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aNewCertificateReplacesTheOldOne() throws IOException {
        ServerCertificate first = ServerCertificate.loadOrCreate(dataDir);
        ServerCertificate renewed = ServerCertificate.createIn(dataDir);
        assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(ServerCertificate.loadOrCreate(dataDir).fingerprint()).isEqualTo(renewed.fingerprint());
    }

    @Test
    void fingerprintIsTheSha256OfTheDerInOpensslsForm() throws Exception {
        ServerCertificate certificate = ServerCertificate.generate();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded());
        String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        assertThat(certificate.fingerprint()).isEqualTo(expected).hasSize(95);
        assertThat(certificate.safetyCode()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    }

    @Test
    void damagedFilesGiveASentenceNotANewCertificate() throws IOException {
        Files.writeString(dataDir.resolve(ServerCertificate.CERT_FILE), "not a certificate");
        Files.writeString(dataDir.resolve(ServerCertificate.KEY_FILE), "not a key");
        assertThatThrownBy(() -> ServerCertificate.loadOrCreate(dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("do not hold a certificate and a key");
    }
}
