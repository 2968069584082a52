package org.natter.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.util.WaitForAsyncUtils;

/** Terminal mode against a real server, with the terminal's input and output in memory. */
class TerminalChatTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0));
    private final int port = server.start(0);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.stop();
    }

    private String output() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void typedLinesAreSentAndIncomingMessagesPrintedWithSender() throws Exception {
        PipedWriter keyboard = new PipedWriter();
        PipedReader input = new PipedReader(keyboard);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> TerminalChat.run("127.0.0.1:" + port, "anna",
                input, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> output().contains("Logged in as anna"));

        try (ChatConnection bob = new ChatConnection(FAST)) {
            bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
            bob.send("hi anna").get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> output().contains("<bob> hi anna"));

            keyboard.write("hello bob\n/users\n");
            keyboard.flush();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> output().contains("<anna> hello bob"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> output().contains("Online (2): anna, bob"));

            keyboard.write("/leave\n");
            keyboard.flush();
            assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(output()).contains("Logged out.");
        }
    }

    @Test
    void unreachableServerIsOneSentenceAndStatusOne() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        int status = TerminalChat.run("127.0.0.1:" + closedPort, "anna", new StringReader(""),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Cannot reach 127.0.0.1:" + closedPort + ". Is the server started? Is the address right?");
    }

    @Test
    void unknownCommandIsExplained() throws Exception {
        int status = TerminalChat.run("127.0.0.1:" + port, "anna", new StringReader("/dance\n/quit\n"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST);

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command /dance. /help lists the commands.");
    }
}
