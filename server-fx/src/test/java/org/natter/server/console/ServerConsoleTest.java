package org.natter.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerListener;
import org.natter.server.core.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerConsoleTest {

    private static final Instant AT = Instant.parse("2026-11-22T09:15:00Z");

    private final ChatServer server = new ChatServer(ServerSettings.defaults());
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "console-run"));
    private final List<ConsoleLines> outputs = new ArrayList<>();
    private final List<ServerConsole> consoles = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        outputs.forEach(ConsoleLines::release);
        consoles.forEach(ServerConsole::close);
        server.close();
        runner.shutdownNow();
    }

    private ServerConsole console(BufferedReader in, ConsoleLines output, boolean showMessages, int queueLines) {
        outputs.add(output);
        ServerConsole console = new ServerConsole(server, in, output.printStream(), showMessages, queueLines);
        consoles.add(console);
        return console;
    }

    private Future<Integer> run(ServerConsole console) {
        return runner.submit(() -> console.run(0));
    }

    private static BufferedReader noInput() {
        return new BufferedReader(new StringReader(""));
    }

    @Test
    void commandsListKickAnnounceAndStopEndsTheRun() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        try (RawClient bob = new RawClient(server.port())) {
            bob.login("bob");
            bob.next(LoginOk.class);

            type(typing, "users\npending\nstatus\nsay Lunch at noon\nkick nobody\nkick bob Too loud\nfrobnicate\n");
            assertThat(bob.next(Announcement.class).text()).isEqualTo("Lunch at noon");
            assertThat(bob.next(Kicked.class)).isEqualTo(new Kicked("Too loud"));
            type(typing, "stop\n");
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(output.text())
                .contains("bob ")
                .contains("No hosts are waiting.")
                .contains("State RUNNING")
                .contains("Announced to 1 users.")
                .contains("No user named nobody is logged in.")
                .contains("bob was removed (Too loud).")
                .contains("Unknown command 'frobnicate'")
                .contains("Server stopped.");
    }

    @Test
    void roomCommandsCreateListTopicAnnounceAndDelete() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        try (RawClient ada = new RawClient(server.port()); RawClient bob = new RawClient(server.port())) {
            ada.send(new Login(null, "ada", 2));
            ada.next(LoginOk.class);
            assertThat(ada.next(RoomState.class).room()).isEqualTo("general");
            bob.login("bob");
            bob.next(LoginOk.class);
            type(typing, "room create #maths Fractions today\n");
            output.awaitLine("Created #maths.");
            ada.send(new Join("j", "maths"));
            assertThat(ada.next(RoomState.class).room()).isEqualTo("maths");
            type(typing, "topic maths Decimals\nsay #maths Test at ten\nrooms\nroom create maths\nroom delete general\n");
            assertThat(ada.next(TopicChanged.class).text()).isEqualTo("Decimals");
            Announcement toMaths = ada.next(Announcement.class);
            assertThat(toMaths.room()).isEqualTo("maths");
            assertThat(toMaths.text()).isEqualTo("Test at ten");
            output.awaitLine("cannot be deleted");
            type(typing, "room delete maths\n");
            Left closed = ada.next(Left.class);
            assertThat(closed.reason()).isEqualTo(LeaveReason.ROOM_CLOSED);
            output.awaitLine("Deleted #maths.");
            type(typing, "say Everyone\n");
            assertThat(bob.next(Announcement.class).text()).as("bob, in general only, got nothing before")
                    .isEqualTo("Everyone");
            type(typing, "stop\n");
            assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(output.text())
                .contains("Topic of #maths set.")
                .contains("Announced to 1 users in #maths.")
                .containsPattern("#maths +1 +0 +Decimals")
                .contains("There is already a room #maths.");
    }

    @Test
    void aLoopbackBindOffersOnlyTheLoopbackAddressAndSaysSo() throws Exception {
        try (ChatServer local = new ChatServer(ServerSettings.builder().bindAddress("127.0.0.1").build())) {
            ConsoleLines output = ConsoleLines.flowing();
            outputs.add(output);
            ServerConsole console = new ServerConsole(local, noInput(), output.printStream(), false,
                    ServerConsole.OUTPUT_QUEUE_LINES);
            consoles.add(console);
            runner.submit(() -> console.run(0));

            String line = output.awaitLine("is running. Users connect to");

            assertThat(line).contains("Users connect to 127.0.0.1:" + local.port() + ".")
                    .contains("Only this computer can connect (listening on 127.0.0.1).")
                    .doesNotContain(" or ");
        }
    }

    @Test
    void inviteOffersTheLinkOfEachAddressUsersCanReach() throws Exception {
        try (ChatServer local = new ChatServer(ServerSettings.builder().bindAddress("127.0.0.1").serverName("Room 12").build())) {
            ConsoleLines output = ConsoleLines.flowing();
            outputs.add(output);
            ServerConsole console = new ServerConsole(local, noInput(), output.printStream(), false,
                    ServerConsole.OUTPUT_QUEUE_LINES);
            consoles.add(console);
            runner.submit(() -> console.run(0));
            output.awaitLine("is running. Users connect to");

            console.execute("invite");

            assertThat(output.awaitLine("natter://")).isEqualTo("natter://127.0.0.1:" + local.port() + "/?name=Room%2012");
        }
    }

    @Test
    void historyCommandsShowExportAndClearARoom(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        try (RawClient ada = new RawClient(server.port())) {
            ada.login("ada");
            ada.next(LoginOk.class);
            for (String text : List.of("first", "second", "third")) {
                ada.send(new org.natter.common.protocol.Say("s", text));
                ada.next(Message.class);
            }
        }
        java.nio.file.Path file = dir.resolve("general.jsonl");
        type(typing, "history #general 2\nexport general " + file + "\n");
        output.awaitLine("ada: third");
        output.awaitLine("Wrote 3 messages of #general");
        assertThat(output.text()).contains("ada: second").doesNotContain("ada: first");
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(3)
                .allMatch(line -> line.startsWith("{\"type\":\"message\""));
        type(typing, "clear general\nhistory general\nstop\n");
        output.awaitLine("Deleted 3 messages of #general.");
        output.awaitLine("#general has no history.");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void banMuteAndTheirListAnswerWithOneClearLineEach() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        try (RawClient bob = new RawClient(server.port())) {
            bob.login("bob");
            bob.next(LoginOk.class);
            type(typing, "ban bob 1h spamming\n");
            assertThat(bob.next(Kicked.class).reason()).contains("spamming");
            output.awaitLine("Banned bob until");
        }
        type(typing, "ban bob soon\nban 192.168.1.0/24 forever\nmute eve 10m calm down\nbans\nunban bob\nunban nobody\nunmute eve\nstop\n");
        output.awaitLine("'soon' is not a duration: write 10m, 1h, 1d, 1w or forever.");
        output.awaitLine("Banned 192.168.1.0/24 for good.");
        output.awaitLine("Muted eve until");
        output.awaitLine("Lifted the ban on bob.");
        output.awaitLine("No ban on nobody.");
        output.awaitLine("eve may write again.");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(output.text()).containsPattern("ban +192\\.168\\.1\\.0/24 +for good")
                .containsPattern("mute +eve +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +calm down");
    }

    @Test
    void theWaitingRoomIsSwitchedAndAnsweredFromTheConsole() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        type(typing, "waiting on\n");
        output.awaitLine("New users now wait until you let them in");
        try (RawClient ada = new RawClient(server.port()); RawClient eve = new RawClient(server.port())) {
            ada.send(new Login("1", "ada", 2));
            ada.next(Waiting.class);
            output.awaitLine("ada (127.0.0.1:");
            eve.send(new Login("2", "eve", 2));
            eve.next(Waiting.class);
            output.awaitLine("type 'admit eve' or 'refuse eve [REASON]'.");
            type(typing, "pending\nadmit ada\nrefuse eve wrong class\nadmit nobody\n");
            assertThat(ada.next(LoginOk.class).name()).isEqualTo("ada");
            ErrorReply refused = eve.next(ErrorReply.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(refused.message()).isEqualTo("The host did not let you in. wrong class");
            output.awaitLine("Let ada in.");
            output.awaitLine("Turned eve away.");
            output.awaitLine("Nobody is waiting as nobody. Type 'pending' for the list.");
        }
        type(typing, "waiting\nwaiting off\nwaiting maybe\nstop\n");
        output.awaitLine("The waiting room is on: new users wait until you let them in.");
        output.awaitLine("New users join at once again.");
        output.awaitLine("Usage: waiting on|off");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(server.waitingRoom()).isFalse();
        assertThat(output.text()).containsPattern("127\\.0\\.0\\.1:\\d+ +\\d\\d:\\d\\d:\\d\\d +(ada|eve)");
    }

    @Test
    void auditListsTheConsolesActionsNewestFirst() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        type(typing, "audit\nban mallory 1h spam, again\nsay hello all\naudit 2\naudit zero\nstop\n");
        output.awaitLine("No operator actions yet.");
        output.awaitLine("WHEN                 ACTION           TARGET");
        output.awaitLine("Usage: audit [N] (N from 1 to 1000, default 20)");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(output.text()).containsPattern("announce +console +hello all\\R.*ban +mallory +console +until .*: spam, again");
    }

    @Test
    void roomRulesAreSetAndShownFromTheConsole() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        ConsoleLines output = ConsoleLines.flowing();
        Future<Integer> run = run(console(in, output, false, ServerConsole.OUTPUT_QUEUE_LINES));
        output.awaitLine("is running. Users connect to");
        type(typing, "room create maths\nroom moderate maths on\nroom allow maths ada\nroom slow #maths 30\nrooms\n"
                + "room slow maths soon\nroom slow maths 7200\nroom moderate maths maybe\nroom moderate nowhere on\n"
                + "room slow maths off\nroom moderate maths off\nstop\n");
        output.awaitLine("#maths: moderated (may write: nobody yet).");
        output.awaitLine("#maths: moderated (may write: ada).");
        output.awaitLine("#maths: moderated (may write: ada), slow mode 30 s.");
        output.awaitLine("[moderated (may write: ada), slow mode 30 s]");
        output.awaitLine("Usage: room slow NAME SECONDS|off (1 to 3600 seconds)");
        output.awaitLine("Slow mode is 1 second to 1 hour between two messages of one person.");
        output.awaitLine("Usage: room moderate NAME on|off");
        output.awaitLine("There is no room #nowhere.");
        output.awaitLine("#maths: moderated (may write: ada).");
        output.awaitLine("#maths: open to everyone.");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static void type(PipedOutputStream typing, String text) throws IOException {
        typing.write(text.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    @Test
    void endOfInputDoesNotStopTheServer() throws Exception {
        ConsoleLines output = ConsoleLines.flowing();
        ServerConsole console = console(new BufferedReader(new StringReader("status\n")), output, false,
                ServerConsole.OUTPUT_QUEUE_LINES);
        Future<Integer> run = run(console);
        output.awaitLine("No more input");
        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        assertThat(run).isNotDone();
        console.execute("stop");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void portInUseIsReportedAndTheRunFails() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            ConsoleLines output = ConsoleLines.flowing();
            ServerConsole console = console(noInput(), output, false, ServerConsole.OUTPUT_QUEUE_LINES);
            assertThat(console.run(taken.getLocalPort())).isEqualTo(1);
            assertThat(output.text()).contains("already in use").doesNotContain("Exception");
        }
    }

    @Test
    void chatMessagesArePrintedOnlyWhenAskedFor() throws Exception {
        ConsoleLines quiet = ConsoleLines.flowing();
        ServerListener quietEvents = console(noInput(), quiet, false, 100).events();
        ConsoleLines chatty = ConsoleLines.flowing();
        ServerListener chattyEvents = console(noInput(), chatty, true, 100).events();
        for (ServerListener events : List.of(quietEvents, chattyEvents)) {
            events.onEvent(message(1, "ada", "psst, the password is swordfish"));
            events.onEvent(new ServerEvent.UserLeft(AT, user("ada"), LeaveReason.QUIT, ""));
        }

        quiet.awaitLine("ada quit.");
        chatty.awaitLine("ada quit.");
        // Each console prints in order, so the message line came before the leave line or not at all.
        assertThat(quiet.text()).doesNotContain("swordfish");
        assertThat(chatty.text()).contains("ada: psst, the password is swordfish");
    }

    @Test
    void aStuckOutputNeverHoldsUpTheListenerAndTheDroppedLinesAreCounted() throws Exception {
        ConsoleLines stuck = ConsoleLines.held();
        ServerListener events = console(noInput(), stuck, true, 100).events();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            events.onEvent(new ServerEvent.UserJoined(AT, user("ada")));
            stuck.awaitBlockedWriter();
            // The printer is stuck on the first line: 100 more wait in the queue, the other 4,900 are dropped.
            for (int i = 1; i <= 5_000; i++) {
                events.onEvent(message(i, "ada", "message " + i));
            }
        }, "the listener blocked on the console's output");
        stuck.release();

        assertThat(stuck.awaitLine("dropped"))
                .isEqualTo("… 4,900 console lines dropped: the output was not being read.");
        events.onEvent(new ServerEvent.UserLeft(AT, user("ada"), LeaveReason.QUIT, ""));
        stuck.awaitLine("ada quit.");
        List<String> lines = stuck.lines();
        assertThat(lines).hasSize(1 + 100 + 1 + 1);
        assertThat(lines.get(0)).endsWith("ada joined from 127.0.0.1:50000.");
        assertThat(lines.get(100)).endsWith("ada: message 100");
        assertThat(lines.get(101)).startsWith("… 4,900");
    }

    @Test
    void withItsOutputStuckTheServerStillLogsUsersInAndDeliversMessages() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        server.addListener(new ServerListener() {
            @Override
            public void stateChanged(ServerState state) {
                if (state == ServerState.RUNNING) {
                    running.countDown();
                }
            }
        });
        ConsoleLines stuck = ConsoleLines.held();
        ServerConsole console = console(noInput(), stuck, true, 4);
        Future<Integer> run = run(console);
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the server runs").isTrue();
        stuck.awaitBlockedWriter();
        // Added after the console's own listener, so it hears each event after the console did.
        CountDownLatch consoleHeardTheMessage = new CountDownLatch(1);
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof ServerEvent.MessageSent) {
                    consoleHeardTheMessage.countDown();
                }
            }
        });

        try (RawClient ada = new RawClient(server.port()); RawClient bob = new RawClient(server.port())) {
            ada.login("ada");
            ada.next(LoginOk.class);
            bob.login("bob");
            bob.next(LoginOk.class);
            ada.say("Can you read this?");
            Message received = bob.next(Message.class);
            assertThat(received.from()).isEqualTo("ada");
            assertThat(received.text()).isEqualTo("Can you read this?");
        }
        assertThat(consoleHeardTheMessage.await(10, TimeUnit.SECONDS)).isTrue();
        // At least seven lines so far (two of the console's own, two hosts, two joins, a message): one was being
        // written, four fit in the queue, the rest were dropped.
        stuck.release();
        assertThat(stuck.awaitLine("console lines dropped")).startsWith("… ");
        console.execute("stop");
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static ConnectedUser user(String name) {
        return new ConnectedUser(7, name, "127.0.0.1:50000", AT, 0);
    }

    private static ServerEvent.MessageSent message(long id, String from, String text) {
        return new ServerEvent.MessageSent(AT, user(from), new ChatMessage(id, from, text, AT));
    }
}
