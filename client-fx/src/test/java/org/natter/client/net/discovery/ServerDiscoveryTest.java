package org.natter.client.net.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.client.cli.ServerList;

/**
 * Discovery between two processes, on loopback only: a headless Natter Server in its own JVM, bound to 127.0.0.1,
 * announces itself; this JVM finds it. Loopback carries multicast only when its flag is set
 * ({@code ip link set lo multicast on}; .ci/run does it), so without the flag these tests are skipped, saying why.
 * Nothing is ever sent on the machine's real network interfaces.
 */
class ServerDiscoveryTest {

    private static final Pattern RUNNING = Pattern.compile("is running\\. Users connect to 127\\.0\\.0\\.1:(\\d+)");
    private static final long WAIT_SECONDS = 30;

    @TempDir
    static Path dataDir;

    private static Process server;
    private static Writer serverInput;
    private static final BlockingQueue<String> serverOutput = new LinkedBlockingQueue<>();
    private static final String NAME = "Discovery test " + UUID.randomUUID().toString().substring(0, 8);
    private static int port;

    @BeforeAll
    static void startAnAnnouncedServerInAnotherProcess() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        assumeTrue(loopback != null && loopback.supportsMulticast(),
                "loopback has no multicast flag (run: ip link set lo multicast on); discovery tests skipped");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.natter.server.ServerMain", "--headless", "--bind", "127.0.0.1", "--port", "0",
                "--name", NAME, "--data-dir", dataDir.toString())
                .redirectErrorStream(true).start();
        serverInput = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(serverOutput::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // The process ended and its output was closed.
                serverOutput.add("(output ended: " + e.getMessage() + ")");
            }
        }, "discovery-test-server-output");
        reader.setDaemon(true);
        reader.start();
        Matcher running = RUNNING.matcher(awaitLine("is running"));
        assertThat(running.find()).as("the server says where it listens").isTrue();
        port = Integer.parseInt(running.group(1));
        assertThat(awaitLine("Announced as")).contains(NAME).contains("127.0.0.1").contains("only this computer");
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aBrowserFindsTheServerWithItsAddressAndDetails() throws Exception {
        BlockingQueue<List<FoundServer>> changes = new LinkedBlockingQueue<>();
        try (ServerBrowser browser = ServerBrowser.start(List.of(InetAddress.getByName("127.0.0.1")), changes::add)) {
            assertThat(browser.isBlind()).isFalse();

            FoundServer found = awaitServerNamed(changes, NAME);

            assertThat(found.host()).isEqualTo("127.0.0.1");
            assertThat(found.port()).isEqualTo(port);
            assertThat(found.address()).isEqualTo("127.0.0.1:" + port);
            assertThat(found.announcement().users()).isZero();
            assertThat(found.announcement().protocolVersion()).isEqualTo(ProtocolLimits.PROTOCOL_VERSION);
            assertThat(found.announcement().passwordNeeded()).isFalse();
            // The headless server speaks TLS by default: its announcement and the invite carry the fingerprint.
            assertThat(found.announcement().fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(found.inviteLink().toString())
                    .startsWith("natter://127.0.0.1:" + port + "/?fp=" + found.announcement().fingerprint());
            assertThat(browser.servers()).contains(found);
        }
    }

    @Test
    void listServersPrintsTheServerAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ServerList.run(5, "127.0.0.1", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.matches(java.util.regex.Pattern.quote(NAME + "\t127.0.0.1:" + port + "\t0 users\topen\t")
                        + "([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }

    private static FoundServer awaitServerNamed(BlockingQueue<List<FoundServer>> changes, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            List<FoundServer> list = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (list == null) {
                break;
            }
            for (FoundServer found : list) {
                // With its details: a server resolved before its TXT record came is listed first without them.
                if (found.announcement().serverName().equals(name) && found.announcement().fingerprint() != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no server named " + name + " was found within " + WAIT_SECONDS + " s");
    }

    private static String awaitLine(String part) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = serverOutput.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            if (line.contains(part)) {
                return line;
            }
        }
        throw new AssertionError("the server never said \"" + part + "\"; it said:\n" + seen);
    }
}
