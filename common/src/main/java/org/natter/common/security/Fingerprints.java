package org.natter.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Natter names a server certificate, the same way on both sides.
 *
 * <ul>
 *   <li>The <b>fingerprint</b>: the SHA-256 of the certificate's DER bytes as colon-separated upper-case hex, the form
 *       {@code openssl x509 -noout -fingerprint -sha256} prints, so an operator can check it with standard tools.</li>
 *   <li>The <b>safety code</b>: 16 characters in 4 groups ({@code K7QM-2XRD-9FHA-WC4T}), short enough to read aloud
 *       and compare by eye. It is the first 80 bits of the SHA-256 of the fingerprint text, in base 32 without the
 *       letters that look like digits (I, L, O, U), so a certificate has one code whoever shows it.</li>
 * </ul>
 * Pure functions, any thread.
 */
public final class Fingerprints {

    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Fingerprints() {
    }

    /** The fingerprint of a certificate given as its DER encoding. */
    public static String of(byte[] certificateDer) {
        byte[] digest = sha256(certificateDer);
        StringBuilder text = new StringBuilder(digest.length * 3);
        for (byte b : digest) {
            if (!text.isEmpty()) {
                text.append(':');
            }
            text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return text.toString();
    }

    /**
     * A fingerprint as a person or a script may type it (any case, with or without colons or spaces) in the one
     * canonical form; empty when it is not 32 bytes of hex.
     */
    public static java.util.Optional<String> parse(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String hex = typed.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            return java.util.Optional.empty();
        }
        StringBuilder text = new StringBuilder(95);
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hex, i, i + 2);
        }
        return java.util.Optional.of(text.toString());
    }

    /** The safety code of a fingerprint in the canonical form. */
    public static String safetyCode(String fingerprint) {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 fingerprint: " + fingerprint);
        }
        byte[] digest = sha256(fingerprint.getBytes(StandardCharsets.US_ASCII));
        StringBuilder code = new StringBuilder(19);
        long bits = 0;
        int available = 0;
        int index = 0;
        for (int produced = 0; produced < 16; produced++) {
            if (available < 5) {
                bits = (bits << 8) | (digest[index++] & 0xFF);
                available += 8;
            }
            available -= 5;
            int value = (int) ((bits >> available) & 0x1F);
            if (produced > 0 && produced % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[value]);
        }
        return code.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
