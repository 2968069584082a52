package org.natter.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;

class ServerConsoleSecurityTest {

    private final ServerCertificate certificate = ServerCertificate.generate();
    private final ChatServer server = new ChatServer(ServerSettings.builder().port(0).build(),
            ServerSecurity.tls(certificate, false, null));
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "console-run"));
    private final ConsoleLines output = ConsoleLines.flowing();
    private ServerConsole console;

    @AfterEach
    void closeEverything() {
        output.release();
        if (console != null) {
            console.close();
        }
        server.close();
        runner.shutdownNow();
    }

    @Test
    void printsTheFingerprintAtStartAndOnTheFingerprintCommand() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        console = new ServerConsole(server, in, output.printStream(), false, ServerConsole.OUTPUT_QUEUE_LINES);
        Future<Integer> run = runner.submit(() -> console.run(0));

        assertThat(output.awaitLine("Connections are encrypted")).contains("unencrypted ones are refused");
        assertThat(output.awaitLine("Certificate fingerprint")).endsWith(certificate.fingerprint());
        output.awaitLine("No password");

        typing.write("fingerprint\nstop\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertThat(output.awaitLine("Safety code")).endsWith(certificate.safetyCode());
        assertThat(output.awaitLine("Certificate fingerprint")).endsWith(certificate.fingerprint());
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }
}
