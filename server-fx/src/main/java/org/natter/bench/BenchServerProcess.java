package org.natter.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A headless Natter server in a JVM of its own, for the matrix: the same Java, class path and memory and
 * collector settings as this JVM (./natter starts the bench with the server's settings), a garbage-collector log,
 * a fresh data directory, and the limits raised so the load gets in. Listens on a free loopback port.
 */
final class BenchServerProcess implements AutoCloseable {

    private static final long START_MILLIS = 30_000;

    /** Options that would refuse the matrix's load: users, connections, per-address limits, request rate. */
    static final List<String> RAISED_LIMITS = List.of(
            "--max-users", "20000", "--max-connections", "20000",
            "--max-connections-per-address", "20000", "--new-connections-per-address", "100000",
            "--rate", "100000", "--rate-burst", "100000", "--login-timeout", "120", "--history", "10");

    private final Process process;
    private final int port;
    private final String label;

    /**
     * @param label names its logs in {@code out}: server-LABEL-gc.log, server-LABEL-console.log
     * @param tls   the server takes TLS only, as shipped; otherwise it also takes plain text ({@code --allow-plain})
     */
    BenchServerProcess(Path out, String label, boolean tls) throws IOException, InterruptedException {
        this.label = label;
        port = freePort();
        Path data = Files.createTempDirectory("natter-bench-data");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmSettings());
        command.add("-Xlog:gc*:file=" + out.resolve("server-" + label + "-gc.log") + ":uptime,level,tags");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.natter.server.ServerMain");
        // A benchmark server is nobody's to find on the network.
        command.addAll(List.of("--headless", "--start", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--data-dir", data.toString(), "--no-announce"));
        if (!tls) {
            // The plain rows' load clients speak plain text.
            command.add("--allow-plain");
        }
        command.addAll(RAISED_LIMITS);
        Files.writeString(out.resolve("server-command.txt"), String.join(" ", command) + "\n");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("server-" + label + "-console.log").toFile())
                .start();
        // The console reads commands from standard input and ends at its end: keep it open, write nothing.
        awaitListening();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * The memory, collector and buffer options of this JVM, which ./natter took from the server's settings (the
     * buffer ones let Netty free direct memory without a cleaner).
     */
    static List<String> jvmSettings() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-XX:")
                        || a.startsWith("-Dio.netty.") || a.startsWith("--add-opens=java.base/"))
                .toList();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the bench's server did not start; see server-" + label + "-console.log");
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                FanoutBench.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        close();
        throw new IOException("the bench's server did not listen within " + START_MILLIS / 1000 + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
