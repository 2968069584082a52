import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code natter demo}: the admin window with the server already listening on a free port, and two chat windows
 * logged in as Ada and Linus. Closing the admin window or pressing Ctrl+C ends all three.
 *
 * <p>Run by the launchers with the JDK's single-file source launcher, {@code java Demo.java LAUNCHER}, where LAUNCHER
 * is {@code natter} or {@code natter.cmd}: the three apps start through it exactly as a person would start them, so
 * Linux, macOS and Windows share this one program rather than a shell and a batch version of it.
 */
public final class Demo {

    static final List<String> USERS = List.of("Ada", "Linus");
    static final int FIRST_PORT = 8020;
    static final Duration SERVER_START_LIMIT = Duration.ofSeconds(90);

    private final Path launcher;
    private final List<Process> processes = new ArrayList<>();
    private Path dataDir;

    Demo(Path launcher) {
        this.launcher = launcher;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java Demo.java LAUNCHER (run it as 'natter demo')");
            System.exit(2);
        }
        System.exit(new Demo(Path.of(args[0]).toAbsolutePath()).run());
    }

    int run() throws IOException, InterruptedException {
        int port = freePort();
        // Its own data directory, so the demo neither reads nor changes the settings of a real server.
        dataDir = Files.createTempDirectory("natter-demo-");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "natter-demo-stop"));

        Process server = start(null, "server", "--port", Integer.toString(port), "--start", "--name", "Natter demo",
                "--data-dir", dataDir.toString());
        say("starting the server on port " + port + " ...");
        if (!waitUntilListening(server, port)) {
            say(server.isAlive() ? "the server did not start listening within " + SERVER_START_LIMIT.toSeconds()
                    + " s; see its output above." : "the server stopped; see its output above.");
            return 1;
        }
        // The demo's own server: the clients trust its certificate without asking (a person compares the safety code).
        String fingerprint = fingerprint(dataDir.resolve("server-cert.pem"));
        for (String user : USERS) {
            startClient("--server", "127.0.0.1:" + port, "--name", user, "--connect", "--trust", fingerprint);
        }
        say(String.join(" and ", USERS) + " are logging in to 127.0.0.1:" + port
                + ". Close the Natter Server window or press Ctrl+C to end the demo.");
        int status = server.waitFor();
        if (status == 0) {
            say("the server window closed; ending the demo.");
        }
        return status;
    }

    /** The first port from 8020 up that nothing listens on, so a second demo or a real server can run beside it. */
    static int freePort() {
        for (int port = FIRST_PORT; port < FIRST_PORT + 100; port++) {
            try (ServerSocket probe = new ServerSocket(port)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    /**
     * The SHA-256 fingerprint of the server's certificate (the PEM file the server wrote before it listened), in the
     * form {@code --trust} takes. JDK only: the launcher runs this file without the project's libraries.
     */
    static String fingerprint(Path pem) throws IOException {
        String text = Files.readString(pem, java.nio.charset.StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Base64.getDecoder().decode(body));
            return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The clients keep their trusted certificates in the demo's folder, and on Linux their preferences too, so the
     * demo neither adds to the user's trusted servers nor replaces their nickname and server list. (On Windows and
     * macOS java.util.prefs has no such switch.)
     */
    Process startClient(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("client"));
        command.addAll(List.of(args));
        String javaOptions = "-Dnatter.client.dir=" + dataDir.resolve("client");
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")) {
            javaOptions += " -Djava.util.prefs.userRoot=" + dataDir.resolve("client-prefs");
        }
        return start(javaOptions, command.toArray(String[]::new));
    }

    /** Starts the launcher with ARGS; JAVA_OPTIONS, when not null, goes to the app's JVM (NATTER_JAVA_OPTIONS). */
    Process start(String javaOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (launcher.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cmd")) {
            command.addAll(List.of("cmd.exe", "/c"));
        }
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (javaOptions != null) {
            builder.environment().put("NATTER_JAVA_OPTIONS", javaOptions);
        }
        Process process = builder.start();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    boolean waitUntilListening(Process server, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(SERVER_START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                server.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        return false;
    }

    /** Clients first, so they see a clean end rather than a lost server; then the server; then its data. */
    void stopAll() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
        deleteQuietly(dataDir);
    }

    static void stop(Process process) {
        // On Windows the launcher is cmd.exe with java below it; elsewhere the launcher has become java.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            say("could not remove " + dir + ": " + e.getMessage());
        }
    }

    static void say(String text) {
        System.out.println("natter demo: " + text);
    }
}
