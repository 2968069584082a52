package org.natter.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.natter.server.core.security.PasswordHash;

/** Reads what the command line says about security: the password file. Blocking I/O, on the main thread. */
final class ServerSecuritySetup {

    private ServerSecuritySetup() {
    }

    /**
     * The hash of the password in the first line of {@code file} (about half a second of work).
     *
     * @throws IllegalArgumentException with a sentence when the file cannot be read or holds no usable password
     */
    static PasswordHash passwordFrom(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read the password file " + file + ".");
        }
        String password = lines.isEmpty() ? "" : lines.get(0);
        String problem = PasswordHash.problem(password).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException("In the password file " + file + ": " + problem);
        }
        return PasswordHash.create(password);
    }
}
