package org.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AddressLimits;

/** The load tool against a real server on a free loopback port: short runs that still count every delivery. */
class BenchToolTest {

    private ChatServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().port(0).maxUsers(500).maxConnections(500)
                .rateBurst(10_000).ratePerSecond(10_000).addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fanoutCountsEveryDeliveryOfTheMeasuredMessages() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1:" + port,
                "--receivers", "20", "--senders", "4", "--rate", "200", "--seconds", "1", "--warmup", "1"));

        FanoutResult result = FanoutBench.run(options);

        assertThat(result.problem()).isNull();
        // 200 msg/s for 1 s; a tick may fall either side of the window's edges.
        assertThat(result.expected()).isBetween(20L * 190, 20L * 210).isEqualTo(result.received());
        assertThat(result.lost()).isZero();
        assertThat(result.disconnected()).isZero();
        assertThat(result.p50()).isPositive().isLessThanOrEqualTo(result.p99());
        assertThat(result.p99()).isLessThanOrEqualTo(result.max());
        assertThat(result.benchCpu()).isPositive();
        assertThat(result.summary()).contains("20 receivers x 200 msg/s", "lost          0 of");
        // One ping every 100 ms through the measured second, each answered.
        assertThat(result.pings().sent()).isBetween(9L, 11L);
        assertThat(result.pings().unanswered()).isZero();
        assertThat(result.pings().p99()).isPositive().isLessThanOrEqualTo(result.pings().max());
        MatrixReport report = new MatrixReport(List.of(new MatrixRun<>(false, result)), List.of());
        assertThat(report.markdown()).contains("| ping p99 / max | evicted |", "| " + result.pingSummary() + " | 0 |");
        assertThat(report.csv()).contains("ping_p99_us",
                "," + result.pings().p99() + "," + result.pings().max() + ",0");
    }

    @Test
    void aPingThatIsNeverAnsweredCountsWithItsWait() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LoadClients clients = new LoadClients("127.0.0.1", silent.getLocalPort(), false)) {
            CountDownLatch threePings = new CountDownLatch(3);
            Thread fake = new Thread(() -> answerLoginThenIgnorePings(silent, threePings), "fake-server");
            fake.setDaemon(true);
            fake.start();
            Pinger pinger = clients.pinger(2);
            long now = System.nanoTime();
            pinger.pingBetween(now, now + TimeUnit.SECONDS.toNanos(30));

            assertThat(threePings.await(10, TimeUnit.SECONDS)).isTrue();
            Pinger.PingResult result = pinger.result();

            assertThat(result.sent()).isGreaterThanOrEqualTo(3);
            assertThat(result.unanswered()).isEqualTo(result.sent());
            // The first ping waited at least until the third was sent, 200 ms later.
            assertThat(result.max()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(190));
        }
    }

    /** A server that lets one client log in and then reads its pings without ever answering. */
    private static void answerLoginThenIgnorePings(ServerSocket listening, CountDownLatch pings) {
        try (Socket client = listening.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("\"login\"")) {
                    out.write("{\"type\":\"login_ok\",\"name\":\"p\",\"users\":[]}\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else if (line.contains("\"ping\"")) {
                    pings.countDown();
                }
            }
        } catch (IOException e) {
            // The test closed the connection.
        }
    }

    @Test
    void fanoutOverTlsCountsEveryDeliveryToAServerThatRefusesPlainText() throws Exception {
        ChatServer secured = new ChatServer(ServerSettings.builder().port(0).maxUsers(500).maxConnections(500)
                .rateBurst(10_000).ratePerSecond(10_000).addressLimits(AddressLimits.generous()).build(),
                org.natter.server.core.security.ServerSecurity.tls(
                        org.natter.server.core.tls.ServerCertificate.generate(), false, null));
        try (secured) {
            int tlsPort = secured.start(0);
            BenchOptions options = BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1:" + tlsPort, "--tls",
                    "--receivers", "10", "--senders", "2", "--rate", "100", "--seconds", "1", "--warmup", "1"));

            FanoutResult result = FanoutBench.run(options);

            assertThat(result.problem()).isNull();
            assertThat(result.expected()).isBetween(10L * 90, 10L * 110).isEqualTo(result.received());
            assertThat(result.lost()).isZero();
        }
    }

    @Test
    void fanoutInARoomReachesOnlyItsMembersAndCountsThem() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1:" + port,
                "--receivers", "10", "--senders", "2", "--rate", "100", "--seconds", "1", "--warmup", "0", "--room", "load"));

        FanoutResult result = FanoutBench.run(options);

        assertThat(result.expected()).isPositive().isEqualTo(result.received());
        assertThat(server.rooms()).anySatisfy(room -> assertThat(room.name()).isEqualTo("load"));
    }

    @Test
    void loginsLogsEveryoneInAndCountsWhatTheyReceive() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("logins", "--server", "127.0.0.1:" + port,
                "--clients", "60", "--seconds", "20", "--concurrent", "16"));

        LoginsResult result = LoginsBench.run(options);

        assertThat(result.complete()).isTrue();
        assertThat(result.loggedIn()).isEqualTo(60);
        assertThat(result.nanos()).isPositive();
        assertThat(result.framesPerClient()).isPositive();
    }

    @Test
    void aRefusedLoginIsReportedNotHidden() throws Exception {
        server.close();
        server = new ChatServer(ServerSettings.builder().port(0).maxUsers(3).addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
        BenchOptions options = BenchOptions.parse(List.of("logins", "--server", "127.0.0.1:" + port,
                "--clients", "5", "--seconds", "10"));

        LoginsResult result = LoginsBench.run(options);

        assertThat(result.loggedIn()).isEqualTo(3);
        assertThat(result.firstFailure()).contains("SERVER_FULL");
    }

    @Test
    void theMatrixTlsRowsRunAgainstAServerOfTheirOwnThatRefusesPlainText(@TempDir Path out) throws Exception {
        BenchOptions matrix = BenchOptions.parse(List.of("--seconds", "1", "--warmup", "0", "--out", out.toString()));

        MatrixRun<FanoutResult> run = MatrixBench.fanout(matrix, out, new MatrixBench.Fanout(10, 100, true));

        assertThat(run.transport()).isEqualTo("TLS");
        assertThat(run.result().problem()).isNull();
        assertThat(run.result().expected()).isPositive().isEqualTo(run.result().received());
        assertThat(out.resolve("server-tls-10x100-console.log")).content().contains("unencrypted ones are refused");
        try (BenchServerProcess tlsOnly = new BenchServerProcess(out, "tls-check", true)) {
            BenchOptions plain = BenchOptions.parse(List.of("logins", "--server", "127.0.0.1:" + tlsOnly.port(),
                    "--clients", "1", "--seconds", "10"));
            LoginsResult refused = LoginsBench.run(plain);
            assertThat(refused.loggedIn()).isZero();
            assertThat(refused.firstFailure()).contains("TLS_REQUIRED");
        }
    }

    @Test
    void aTlsClientAnsweredInPlainTextIsReportedInWordsNotInHex() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("logins", "--server", "127.0.0.1:" + port, "--tls",
                "--clients", "1", "--seconds", "10"));

        LoginsResult result = LoginsBench.run(options);

        assertThat(result.loggedIn()).isZero();
        assertThat(result.firstFailure()).contains("answered the TLS hello in plain text").doesNotContain("7b22");
        assertThat(BenchConnection.problem(new io.netty.handler.codec.DecoderException(new io.netty.handler.ssl.NotSslRecordException(
                "not an SSL/TLS record: 7b2274797065223a226572726f72222c22636f6465223a22544c535f5245515549524544222c"))))
                .endsWith("for plain text): TLS_REQUIRED");
    }

    @Test
    void badOptionsGetASentence() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout")))
                .hasMessage("natter bench fanout needs --server HOST:PORT.");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--server", "8.8.8.8:8020")))
                .hasMessageContaining("is not this machine").hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1")))
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1:1", "--receivers", "5", "--senders", "6")))
                .hasMessageContaining("cannot be more than --receivers");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--server", "127.0.0.1:1", "--rate", "fast")))
                .hasMessage("--rate needs a whole number, not \"fast\".");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("storm")))
                .hasMessageContaining("Unknown bench \"storm\"");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--server", "127.0.0.1:1")))
                .hasMessageContaining("the matrix starts its own server");
        assertThat(BenchOptions.parse(List.of("fanout", "--server", "8.8.8.8:8020", "--allow-remote")).host())
                .isEqualTo("8.8.8.8");
    }
}
