package org.natter.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.LineReader;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.ServerFrame;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerConsoleTest {

    private final ChatServer server = new ChatServer(ServerSettings.defaults());
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void closeServer() {
        server.close();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandsListKickAnnounceAndStopEndsTheRun() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ServerConsole console = new ServerConsole(server, in, out);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return console.run(0);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitCondition(() -> server.state() == ServerState.RUNNING, "the server runs");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            LineReader reader = new LineReader(socket.getInputStream());
            OutputStream toServer = socket.getOutputStream();
            reader.readLine();
            toServer.write(FrameCodec.encodeLine(new Login(null, "bob")));
            assertThat(FrameCodec.decodeServerFrame(reader.readLine())).isInstanceOf(LoginOk.class);

            type(typing, "users\npending\nstatus\nsay Lunch at noon\nkick nobody\nkick bob Too loud\nfrobnicate\n");
            ServerFrame announcement = FrameCodec.decodeServerFrame(reader.readLine());
            assertThat(announcement).isInstanceOfSatisfying(Announcement.class,
                    a -> assertThat(a.text()).isEqualTo("Lunch at noon"));
            assertThat(FrameCodec.decodeServerFrame(reader.readLine())).isEqualTo(new Kicked("Too loud"));
            type(typing, "stop\n");
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(output())
                .contains("is running. Users connect to")
                .contains("bob ")
                .contains("No hosts are waiting.")
                .contains("State RUNNING")
                .contains("Announced to 1 users.")
                .contains("No user named nobody is logged in.")
                .contains("bob was removed (Too loud).")
                .contains("Unknown command 'frobnicate'")
                .contains("Server stopped.");
    }

    /** Waits, at most 10 s, for something the console does on its own thread. */
    private static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }

    private static void type(PipedOutputStream typing, String text) throws IOException {
        typing.write(text.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    @Test
    void endOfInputDoesNotStopTheServer() throws Exception {
        ServerConsole console = new ServerConsole(server, new BufferedReader(new StringReader("status\n")), out);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return console.run(0);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitCondition(() -> output().contains("No more input"), "the console has read all its input");
        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        assertThat(run).isNotDone();
        console.execute("stop");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void portInUseIsReportedAndTheRunFails() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            ServerConsole console = new ServerConsole(server, new BufferedReader(new StringReader("")), out);
            assertThat(console.run(taken.getLocalPort())).isEqualTo(1);
            assertThat(output()).contains("already in use").doesNotContain("Exception");
        }
    }
}
