package org.natter.server.core.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A server password as it is kept: a salted PBKDF2-HMAC-SHA256 hash, never the password itself. Written as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64) in the settings file.
 *
 * <p>Making and checking one takes about half a second on purpose (that is what makes guessing slow), so both run
 * on a background thread: never on an I/O thread, the chat's sequencer or the FX thread.
 */
public final class PasswordHash {

    /** What OWASP advises for PBKDF2-HMAC-SHA256 (2023); fewer are refused when reading a stored hash. */
    public static final int ITERATIONS = 600_000;
    /** A password longer than this is refused: hashing it would cost the server for nothing. */
    public static final int MAX_LENGTH = 200;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new password with a fresh salt. Slow (see the class comment).
     *
     * @throws IllegalArgumentException with a sentence when the password is empty or too long
     */
    public static PasswordHash create(String password) {
        String problem = problem(password).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** What is wrong with a new password, for the person setting it; empty when it is fine. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("The password is empty.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password is longer than " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** Whether {@code password} is the one hashed here, compared in constant time. Slow (see the class comment). */
    public boolean matches(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The stored form. */
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Reads the stored form; empty when it is not one (a damaged settings file). */
    public static Optional<PasswordHash> decode(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < ITERATIONS || salt.length < SALT_BYTES || hash.length != HASH_BITS / 8) {
                return Optional.empty();
            }
            return Optional.of(new PasswordHash(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Every Java 17 has " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "PasswordHash[" + PREFIX + ", " + iterations + " iterations]";
    }
}
