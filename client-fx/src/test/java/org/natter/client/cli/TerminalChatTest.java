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
import java.util.List;
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
    private final PipedWriter keyboard = new PipedWriter();
    private ChatConnection bob;

    @AfterEach
    void stop() {
        if (bob != null) {
            bob.close();
        }
        server.stop();
    }

    private String output() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private String errors() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** The terminal client as anna, typing through {@link #type}; waits until it is in general. */
    private CompletableFuture<Integer> annaAtTheTerminal() throws Exception {
        PipedReader input = new PipedReader(keyboard);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> TerminalChat.run("127.0.0.1:" + port, "anna",
                input, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST));
        waitForOutput("You are in #general");
        return status;
    }

    private ChatConnection bob() throws Exception {
        bob = new ChatConnection(FAST);
        bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
        return bob;
    }

    private void type(String lines) throws IOException {
        keyboard.write(lines);
        keyboard.flush();
    }

    private void waitForOutput(String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> output().contains(text));
    }

    private void waitForError(String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errors().contains(text));
    }

    @Test
    void typedLinesAreSentAndIncomingMessagesPrintedWithRoomAndSender() throws Exception {
        CompletableFuture<Integer> status = annaAtTheTerminal();
        bob().send("hi anna").get(10, TimeUnit.SECONDS);
        waitForOutput("#general bob: hi anna");

        type("hello bob\n/users\n");
        waitForOutput("#general anna: hello bob");
        waitForOutput("Online (2): anna, bob");

        type("/leave\n");
        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(output()).contains("Logged out.");
    }

    @Test
    void joinSwitchAndPartDecideWhereLinesGo() throws Exception {
        annaAtTheTerminal();
        ChatConnection bob = bob();

        type("/join #maths\n");
        waitForOutput("You are in #maths (1): anna");
        waitForOutput("Your lines go to #maths now.");
        bob.join("maths").get(10, TimeUnit.SECONDS);
        waitForOutput("* bob joined #maths");
        type("x = 2\n");
        waitForOutput("#maths anna: x = 2");
        bob.say("maths", "y = 3").get(10, TimeUnit.SECONDS);
        waitForOutput("#maths bob: y = 3");

        type("/switch\n/switch art\n/switch general\nin general\n");
        waitForOutput("Your lines go to #maths.");
        waitForError("You are not in #art. /join it first.");
        waitForOutput("#general anna: in general");

        type("/switch maths\n/part\nback in general\n");
        waitForOutput("* You left #maths");
        waitForOutput("#general anna: back in general");
        assertThat(output()).contains("Your lines go to #general now.");
        bob.part("maths").get(10, TimeUnit.SECONDS);
        type("/part general\n/part nowhere\n");
        waitForOutput("* You left #general");
        waitForError("Not left: There is no room #nowhere.");
    }

    @Test
    void directMessagesShowBothDirections() throws Exception {
        annaAtTheTerminal();
        ChatConnection bob = bob();

        type("/msg bob psst\n");
        waitForOutput("[dm → bob] anna: psst");
        bob.sayTo("anna", "what?").get(10, TimeUnit.SECONDS);
        waitForOutput("[dm bob] bob: what?");

        type("/msg ghost hello\n/msg bob\n");
        waitForError("Not sent: ");
        waitForError("To whom, and what? /msg NAME text");
        assertThat(output()).doesNotContain("ghost");
    }

    @Test
    void topicAndTheRoomListAreShown() throws Exception {
        annaAtTheTerminal();

        type("/join books\n/topic\n");
        waitForOutput("#books has no topic.");
        type("/topic Read Dune\n");
        waitForOutput("* Topic of #books: Read Dune (set by anna)");
        type("/topic\n/rooms\n");
        waitForOutput("Topic of #books: Read Dune" + System.lineSeparator());
        waitForOutput("Rooms (2):" + System.lineSeparator() + "  #books (1 member) Read Dune" + System.lineSeparator()
                + "  #general (1 member)");
    }

    @Test
    void aRoomClosedByTheHostIsPrintedAndLinesGoBackToGeneral() throws Exception {
        annaAtTheTerminal();
        server.createRoom("news", "Daily news");
        type("/join news\n");
        waitForOutput("* Topic of #news: Daily news");
        waitForOutput("Your lines go to #news now.");

        server.deleteRoom("news");

        waitForOutput("! #news was closed by the host; you are no longer in it.");
        waitForOutput("Your lines go to #general now.");
        type("still here\n");
        waitForOutput("#general anna: still here");
    }

    @Test
    void historyPrintsTheLastMessagesOfTheCurrentRoomAndSearchWhatMatchesEscaped() throws Exception {
        ChatConnection bob = bob();
        bob.join("maths").get(10, TimeUnit.SECONDS);
        for (String text : List.of("one", "two", "three \u200b!", "four")) {
            bob.say("maths", text).get(10, TimeUnit.SECONDS);
        }
        bob.send("pi is three").get(10, TimeUnit.SECONDS);
        annaAtTheTerminal();
        type("/join maths\n");
        waitForOutput("Your lines go to #maths now.");
        waitForOutput("#maths bob: four");
        assertThat(output()).as("the replay on joining").contains("#maths bob: one");
        int before = output().length();

        type("/history 2\n/history\n/history 0\n/search three\n/search\n");
        waitForOutput("2 messages found for \"three\":");
        waitForError("Search for what? /search TEXT");
        String printed = output().substring(before);
        assertThat(printed.lines().map(line -> line.replaceFirst("^\\d\\d:\\d\\d ", "")).toList()).containsExactly(
                "The last 2 in #maths:",
                "#maths bob: three \\u200b!",
                "#maths bob: four",
                "The last 4 in #maths:",
                "#maths bob: one",
                "#maths bob: two",
                "#maths bob: three \\u200b!",
                "#maths bob: four",
                "2 messages found for \"three\":",
                "#maths bob: three \\u200b!",
                "#general bob: pi is three");
        assertThat(errors()).contains("How many? /history N, N from 1 to 500.");
    }

    @Test
    void unreachableServerIsOneSentenceThenTheDiagnosisAndStatusOne() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        int status = TerminalChat.run("127.0.0.1:" + closedPort, "anna", new StringReader(""),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST);

        assertThat(status).isEqualTo(1);
        assertThat(errors().lines()).containsExactly(
                "Cannot reach 127.0.0.1:" + closedPort + ". Is the server started? Is the address right?",
                "Checking the connection to 127.0.0.1:" + closedPort + " step by step:",
                "  [ok]   The server's name: \u201C127.0.0.1\u201D is the computer at 127.0.0.1.",
                "  [FAIL] The port answers: Natter Server is not running on 127.0.0.1, or it uses another port than "
                        + closedPort + ". Ask for the port, or start the server.");
    }

    @Test
    void unknownCommandIsExplainedAndHelpListsTheCommands() throws Exception {
        int status = TerminalChat.run("127.0.0.1:" + port, "anna", new StringReader("/dance\n/help\n/quit\n"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST);

        assertThat(status).isZero();
        assertThat(errors()).contains("Unknown command /dance. /help lists the commands.");
        assertThat(output()).contains("/history [N]", "/search TEXT", "/join ROOM", "/part [ROOM]", "/switch [ROOM]", "/msg NAME text", "/topic [text]",
                "/rooms", "/users", "/leave", "/quit", "/help");
    }
}
