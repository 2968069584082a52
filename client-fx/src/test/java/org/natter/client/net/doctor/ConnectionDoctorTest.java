package org.natter.client.net.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ServerAddress;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/** Each step of the doctor against a real cause on loopback. */
class ConnectionDoctorTest {

    private final ConnectionDoctor doctor = new ConnectionDoctor(Duration.ofSeconds(1), Duration.ofMillis(700));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aRunningServerPassesEveryStepAndProgressSeesEachOne() {
        ChatServer server = server(ServerSettings.defaults().withPort(0).toBuilder().serverName("Room 12").build());
        List<Finding> progress = new CopyOnWriteArrayList<>();

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", server.port()), progress::add);

        assertThat(diagnosis.healthy()).isTrue();
        assertThat(diagnosis.findings()).extracting(Finding::check)
                .containsExactly(Check.NAME, Check.PORT, Check.NATTER, Check.VERSION, Check.ADMISSION);
        assertThat(progress).isEqualTo(diagnosis.findings());
        assertThat(diagnosis.findings().get(2).sentence(Locale.ENGLISH)).isEqualTo("It is the Natter server \u201CRoom 12\u201D.");
    }

    @Test
    void aClosedPortSaysTheServerIsNotRunningThere() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", closed), f -> { });

        assertFailure(diagnosis, Check.PORT, "port.refused");
        assertThat(diagnosis.failure().orElseThrow().sentence(Locale.ENGLISH))
                .isEqualTo("Natter Server is not running on 127.0.0.1, or it uses another port than " + closed
                        + ". Ask for the port, or start the server.");
        assertThat(diagnosis.findings()).hasSize(2);
    }

    @Test
    void aPortThatNeverAnswersIsBlamedOnTheComputerTheNetworkOrAFirewall() throws IOException {
        // A listener that never accepts, with its queue full: the kernel drops further connection attempts
        // unanswered, as a firewall that drops packets would.
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(full);
        boolean dropping = false;
        for (int i = 0; i < 20 && !dropping; i++) {
            Socket filler = new Socket();
            open.add(filler);
            try {
                filler.connect(full.getLocalSocketAddress(), 300);
            } catch (java.net.SocketTimeoutException e) {
                dropping = true;
            }
        }
        assertThat(dropping).as("the full queue drops connection attempts").isTrue();

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", full.getLocalPort()), f -> { });

        assertFailure(diagnosis, Check.PORT, "port.timeout");
        assertThat(diagnosis.failure().orElseThrow().sentence(Locale.ENGLISH)).contains("a firewall blocks port");
    }

    @Test
    void anUnknownNameIsSaidToBeUnknown() {
        Diagnosis diagnosis = doctor.examine(new ServerAddress("no-such-computer.invalid", 8020), f -> { });

        assertFailure(diagnosis, Check.NAME, "name.unknown");
        assertThat(diagnosis.findings()).hasSize(1);
    }

    @Test
    void aServerThatAcceptsButNeverSpeaksIsNotNatter() throws IOException {
        ServerSocket silent = listener();
        Thread holder = acceptAndDo(silent, socket -> { });

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", silent.getLocalPort()), f -> { });

        assertFailure(diagnosis, Check.NATTER, "natter.silent");
        holder.interrupt();
    }

    @Test
    void aWebServerOnThePortIsNamedAsSuch() throws IOException {
        ServerSocket web = listener();
        acceptAndDo(web, socket -> socket.getOutputStream().write(
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", web.getLocalPort()), f -> { });

        assertFailure(diagnosis, Check.NATTER, "natter.web");
    }

    @Test
    void anSshServerOnThePortIsNamedAsSuch() throws IOException {
        ServerSocket ssh = listener();
        acceptAndDo(ssh, socket -> socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertFailure(doctor.examine(new ServerAddress("127.0.0.1", ssh.getLocalPort()), f -> { }), Check.NATTER, "natter.ssh");
    }

    @Test
    void aServerThatClosesAtOnceIsNotNatter() throws IOException {
        ServerSocket closer = listener();
        acceptAndDo(closer, Socket::close);

        assertFailure(doctor.examine(new ServerAddress("127.0.0.1", closer.getLocalPort()), f -> { }), Check.NATTER, "natter.closed");
    }

    @Test
    void aFullServerIsToldApartFromABrokenOne() throws Exception {
        ChatServer server = server(ServerSettings.defaults().withPort(0).toBuilder().maxConnections(1).build());
        Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port());
        open.add(first);
        readLine(first.getInputStream());

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", server.port()), f -> { });

        assertThat(diagnosis.findings()).extracting(Finding::key).contains("natter.refusing");
        assertFailure(diagnosis, Check.ADMISSION, "admission.full");
    }

    @Test
    void aBannedAddressHearsTheServersOwnWords() {
        ChatServer server = server(ServerSettings.defaults().withPort(0));
        server.ban("127.0.0.1", Duration.ofHours(1), "spam");

        Diagnosis diagnosis = doctor.examine(new ServerAddress("127.0.0.1", server.port()), f -> { });

        assertFailure(diagnosis, Check.ADMISSION, "admission.banned");
        assertThat(diagnosis.failure().orElseThrow().sentence(Locale.ENGLISH))
                .startsWith("The server does not let this computer in: ").contains("spam");
    }

    @Test
    void anEncryptedServerIsCheckedWithItsCertificateAndGreetsOverTls() {
        org.natter.server.core.tls.ServerCertificate certificate = org.natter.server.core.tls.ServerCertificate.generate();
        ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0).toBuilder().serverName("Room 12").build(),
                org.natter.server.core.security.ServerSecurity.tls(certificate, false, null));
        server.start(0);
        open.add(server);
        ServerAddress address = new ServerAddress("127.0.0.1", server.port());
        org.natter.client.net.trust.MemoryPinStore pins = new org.natter.client.net.trust.MemoryPinStore();
        ConnectionDoctor tlsDoctor = new ConnectionDoctor(Duration.ofSeconds(1), Duration.ofSeconds(2), true, pins);

        Diagnosis firstTime = tlsDoctor.examine(address, f -> { });

        assertThat(firstTime.healthy()).isTrue();
        assertThat(firstTime.findings()).extracting(Finding::key)
                .containsExactly("name.ok", "port.ok", "secure.new", "natter.ok", "version.ok", "admission.ok");
        assertThat(firstTime.findings().get(2).sentence(Locale.ENGLISH)).contains(certificate.safetyCode());

        pins.pin(address, certificate.fingerprint());
        assertThat(tlsDoctor.examine(address, f -> { }).findings()).extracting(Finding::key).contains("secure.ok");

        pins.pin(address, org.natter.server.core.tls.ServerCertificate.generate().fingerprint());
        Diagnosis changed = tlsDoctor.examine(address, f -> { });
        assertFailure(changed, Check.SECURE, "secure.changed");

        // A server that refuses plain text answers a silent plain client after its refusal wait (2 s): the
        // doctor's own greeting timeout (4 s) is longer.
        Diagnosis plainClient = new ConnectionDoctor(Duration.ofSeconds(1), ConnectionDoctor.GREETING_TIMEOUT)
                .examine(address, f -> { });
        assertFailure(plainClient, Check.ADMISSION, "admission.tlsRequired");
    }

    @Test
    void aServerThatOnlySpeaksPlainTextIsToldApartFromAStranger() {
        ChatServer server = server(ServerSettings.defaults().withPort(0));
        ConnectionDoctor tlsDoctor = new ConnectionDoctor(Duration.ofSeconds(1), Duration.ofSeconds(2), true, null);

        Diagnosis diagnosis = tlsDoctor.examine(new ServerAddress("127.0.0.1", server.port()), f -> { });

        assertFailure(diagnosis, Check.SECURE, "secure.plainOnly");
    }

    @Test
    void theSentencesAreInFrenchToo() {
        Finding refused = new Finding(Check.PORT, false, "port.refused", List.of("chat.lan", 8020));

        assertThat(refused.sentence(Locale.FRENCH))
                .isEqualTo("Natter Server ne fonctionne pas sur chat.lan, ou il utilise un autre port que 8020. "
                        + "Demandez le port, ou démarrez le serveur.");
        assertThat(Finding.title(Check.NATTER, Locale.FRENCH)).isEqualTo("C'est un serveur Natter");
        assertThat(Finding.title(Check.NATTER, Locale.ENGLISH)).isEqualTo("It is a Natter server");
    }

    @Test
    void everySentenceExistsInBothLanguagesWithTheSameArgumentsAndFormats() {
        java.util.ResourceBundle.Control exact = java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES);
        java.util.ResourceBundle english = java.util.ResourceBundle.getBundle(
                "org.natter.client.net.doctor.diagnosis", Locale.ROOT, exact);
        java.util.ResourceBundle french = java.util.ResourceBundle.getBundle(
                "org.natter.client.net.doctor.diagnosis", Locale.FRENCH, exact);

        assertThat(french.getLocale()).isEqualTo(Locale.FRENCH);
        assertThat(java.util.Collections.list(french.getKeys())).containsExactlyInAnyOrderElementsOf(
                java.util.Collections.list(english.getKeys()));
        for (String key : java.util.Collections.list(english.getKeys())) {
            java.text.MessageFormat en = new java.text.MessageFormat(english.getString(key), Locale.ENGLISH);
            java.text.MessageFormat fr = new java.text.MessageFormat(french.getString(key), Locale.FRENCH);
            assertThat(fr.getFormatsByArgumentIndex().length).as(key).isEqualTo(en.getFormatsByArgumentIndex().length);
            java.text.Format[] formats = en.getFormatsByArgumentIndex();
            Object[] sample = new Object[formats.length];
            for (int i = 0; i < formats.length; i++) {
                sample[i] = formats[i] instanceof java.text.NumberFormat ? (Object) 8020 : "chat.lan";
            }
            assertThat(en.format(sample)).as(key).doesNotContain("{").doesNotContain("''");
            assertThat(fr.format(sample)).as(key).doesNotContain("{").doesNotContain("''");
        }
    }

    private static void assertFailure(Diagnosis diagnosis, Check check, String key) {
        assertThat(diagnosis.healthy()).isFalse();
        Finding failure = diagnosis.failure().orElseThrow();
        assertThat(failure.check()).isEqualTo(check);
        assertThat(failure.key()).isEqualTo(key);
        assertThat(diagnosis.findings()).last().isEqualTo(failure);
    }

    private ChatServer server(ServerSettings settings) {
        ChatServer server = new ChatServer(settings);
        server.start(0);
        open.add(server);
        return server;
    }

    private ServerSocket listener() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(socket);
        return socket;
    }

    private interface SocketAction {
        void run(Socket socket) throws IOException;
    }

    /** Accepts one connection on a thread of its own and does {@code action} with it; the socket stays open until the end. */
    private Thread acceptAndDo(ServerSocket listener, SocketAction action) {
        Thread thread = new Thread(() -> {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                action.run(socket);
                OutputStream out = socket.getOutputStream();
                out.flush();
            } catch (IOException e) {
                // the test ended and closed the listener
            }
        }, "doctor-test-peer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void readLine(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // the welcome
        }
    }
}
