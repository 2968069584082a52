package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatServerTest {

    private final EventRecorder events = new EventRecorder();
    private ChatServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.defaults().withInfo("Test room", "Be kind."));
        server.addListener(events);
        port = server.start(0);
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(port);
        assertThat(client.next()).isInstanceOf(Welcome.class);
        return client;
    }

    private RawClient loggedIn(String name) throws IOException {
        RawClient client = connect();
        client.send(new Login("l", name));
        assertThat(client.next()).isInstanceOf(LoginOk.class);
        return client;
    }

    @Test
    void startOnPortZeroReturnsTheRealPortAndIsIdempotent() {
        assertThat(port).isPositive();
        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        assertThat(server.start(0)).isEqualTo(port);
        assertThat(server.port()).isEqualTo(port);
    }

    @Test
    void welcomeNamesTheServerAndProtocolVersion() throws IOException {
        try (RawClient client = new RawClient(port)) {
            Welcome welcome = (Welcome) client.next();
            assertThat(welcome.server()).isEqualTo("Test room");
            assertThat(welcome.version()).isEqualTo(ProtocolLimits.PROTOCOL_VERSION);
        }
    }

    @Test
    void newConnectionIsPendingUntilItLogsIn() throws Exception {
        try (RawClient client = connect()) {
            ServerEvent.HostPending pending = events.await(ServerEvent.HostPending.class);
            assertThat(server.pendingHosts()).extracting(h -> h.connectionId()).containsExactly(pending.host().connectionId());
            assertThat(pending.host().address()).startsWith("127.0.0.1:");

            client.send(new Login("1", "alice"));
            LoginOk ok = (LoginOk) client.next();
            assertThat(ok.re()).isEqualTo("1");
            assertThat(ok.name()).isEqualTo("alice");
            assertThat(ok.number()).isEqualTo(1);
            assertThat(ok.text()).isEqualTo("You are user number 1.");
            assertThat(ok.users()).containsExactly("alice");
            assertThat(ok.welcome()).isEqualTo("Be kind.");

            ServerEvent.UserJoined joined = events.await(ServerEvent.UserJoined.class);
            assertThat(joined.user().connectionId()).isEqualTo(pending.host().connectionId());
            assertThat(server.pendingHosts()).isEmpty();
            assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("alice");
        }
    }

    @Test
    void loginTellsOthersAndListsEveryone() throws IOException {
        try (RawClient alice = loggedIn("alice"); RawClient bob = connect()) {
            bob.send(new Login(null, "bob"));
            LoginOk ok = (LoginOk) bob.next();
            assertThat(ok.users()).containsExactly("alice", "bob");
            assertThat(ok.number()).isEqualTo(2);
            assertThat(alice.next(Joined.class).name()).isEqualTo("bob");
        }
    }

    @Test
    void duplicateNameIsRefusedAlsoWhenItDiffersOnlyInCaseOrWidth() throws IOException {
        try (RawClient alice = loggedIn("Alice"); RawClient other = connect()) {
            for (String name : new String[] {"Alice", "ALICE", "alice", "Ａｌｉｃｅ"}) {
                other.send(new Login("x", name));
                ErrorReply error = (ErrorReply) other.next();
                assertThat(error.code()).as(name).isEqualTo(ErrorCode.NAME_TAKEN);
                assertThat(error.re()).isEqualTo("x");
            }
            other.send(new Login("y", "Alicia"));
            assertThat(other.next()).isInstanceOf(LoginOk.class);
        }
    }

    @Test
    void invalidNamesAreRefusedWithAReason() throws IOException {
        try (RawClient client = connect()) {
            for (String name : new String[] {"", "two words", "a".repeat(25), "tab\tname", "semi;colon", "\u202Eevil"}) {
                client.send(new Login(null, name));
                ErrorReply error = (ErrorReply) client.next();
                assertThat(error.code()).as(name).isEqualTo(ErrorCode.INVALID_NAME);
                assertThat(error.message()).isNotBlank();
            }
            client.send(new Login(null, "Zoë_2.0-x"));
            assertThat(client.next()).isInstanceOf(LoginOk.class);
        }
    }

    @Test
    void sayIsDeliveredToEveryoneAndTheSendersCopyCarriesItsId() throws Exception {
        try (RawClient alice = loggedIn("alice"); RawClient bob = loggedIn("bob"); RawClient carol = loggedIn("carol")) {
            alice.send(new Say("m1", "Hello, everyone!\nSecond line\twith a tab"));
            Message own = alice.next(Message.class);
            Message atBob = bob.next(Message.class);
            Message atCarol = carol.next(Message.class);
            assertThat(own.re()).isEqualTo("m1");
            assertThat(atBob.re()).isNull();
            assertThat(atCarol.re()).isNull();
            for (Message m : new Message[] {own, atBob, atCarol}) {
                assertThat(m.from()).isEqualTo("alice");
                assertThat(m.text()).isEqualTo("Hello, everyone!\nSecond line\twith a tab");
                assertThat(m.id()).isEqualTo(own.id());
                assertThat(m.ts()).isEqualTo(own.ts());
            }
            ServerEvent.MessageSent sent = events.await(ServerEvent.MessageSent.class);
            assertThat(sent.user().messagesSent()).isEqualTo(1);
            assertThat(server.users()).filteredOn(u -> u.name().equals("alice"))
                    .extracting(ConnectedUser::messagesSent).containsExactly(1L);
        }
    }

    @Test
    void sayBeforeLoginIsRefusedAndTheConnectionStaysUsable() throws IOException {
        try (RawClient client = connect()) {
            client.send(new Say("s", "hi"));
            ErrorReply error = (ErrorReply) client.next();
            assertThat(error.code()).isEqualTo(ErrorCode.NOT_LOGGED_IN);
            assertThat(error.re()).isEqualTo("s");
            client.send(new Login(null, "late"));
            assertThat(client.next()).isInstanceOf(LoginOk.class);
        }
    }

    @Test
    void loginTwiceIsRefused() throws IOException {
        try (RawClient client = loggedIn("alice")) {
            client.send(new Login("again", "bob"));
            ErrorReply error = (ErrorReply) client.next();
            assertThat(error.code()).isEqualTo(ErrorCode.ALREADY_LOGGED_IN);
            assertThat(error.re()).isEqualTo("again");
        }
    }

    @Test
    void invalidTextIsRefusedNeverTruncated() throws IOException {
        try (RawClient client = loggedIn("alice")) {
            for (String text : new String[] {"", "   \n\t ", "x".repeat(4001), "bell\u0007", "cr\r"}) {
                client.send(new Say("t", text));
                ErrorReply error = (ErrorReply) client.next();
                assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TEXT);
            }
            client.send(new Say("ok", "y".repeat(4000)));
            assertThat(client.next(Message.class).text()).hasSize(4000);
        }
    }

    @Test
    void logoutReturnsToPendingAndTellsTheOthers() throws Exception {
        try (RawClient alice = loggedIn("alice"); RawClient bob = loggedIn("bob")) {
            alice.send(new Logout("bye"));
            assertThat(alice.next(LoggedOut.class).re()).isEqualTo("bye");
            Left left = bob.next(Left.class);
            assertThat(left.name()).isEqualTo("alice");
            assertThat(left.reason()).isEqualTo(LeaveReason.LOGOUT);
            events.await(ServerEvent.HostPending.class, e -> server.users().size() == 1);
            assertThat(server.pendingHosts()).hasSize(1);

            alice.send(new Say(null, "still here?"));
            assertThat(alice.next(ErrorReply.class).code()).isEqualTo(ErrorCode.NOT_LOGGED_IN);
            alice.send(new Login(null, "alice"));
            assertThat(alice.next()).isInstanceOf(LoginOk.class);
        }
    }

    @Test
    void quitClosesTheConnectionAndTellsTheOthers() throws Exception {
        try (RawClient alice = loggedIn("alice"); RawClient bob = loggedIn("bob")) {
            alice.send(new Quit(null));
            assertThat(alice.closedByServer()).isTrue();
            Left left = bob.next(Left.class);
            assertThat(left.reason()).isEqualTo(LeaveReason.QUIT);
            events.await(ServerEvent.UserLeft.class, e -> e.reason() == LeaveReason.QUIT);
            assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("bob");
            assertThat(server.pendingHosts()).isEmpty();
        }
    }

    @Test
    void droppedSocketIsReportedAsLost() throws Exception {
        try (RawClient bob = loggedIn("bob")) {
            RawClient alice = loggedIn("alice");
            alice.close();
            Left left = bob.next(Left.class);
            assertThat(left.name()).isEqualTo("alice");
            assertThat(left.reason()).isEqualTo(LeaveReason.LOST);
            events.await(ServerEvent.UserLeft.class, e -> e.reason() == LeaveReason.LOST);
            assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("bob");
        }
    }

    @Test
    void kickTellsTheUserWhyClosesItAndTellsTheOthers() throws Exception {
        try (RawClient alice = loggedIn("alice"); RawClient bob = loggedIn("bob")) {
            assertThat(server.kick("ALICE", "Please keep it friendly")).isTrue();
            assertThat(alice.next(Kicked.class).reason()).isEqualTo("Please keep it friendly");
            assertThat(alice.closedByServer()).isTrue();
            Left left = bob.next(Left.class);
            assertThat(left.reason()).isEqualTo(LeaveReason.KICKED);
            assertThat(left.detail()).as("the reason is for the removed user only").isNull();
            ServerEvent.UserLeft event = events.await(ServerEvent.UserLeft.class);
            assertThat(event.reason()).isEqualTo(LeaveReason.KICKED);
            assertThat(event.detail()).as("the operator's log keeps it").isEqualTo("Please keep it friendly");
            assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("bob");
            assertThat(server.kick("alice", "")).isFalse();
        }
    }

    @Test
    void kickReasonThatBreaksTheRulesIsRefused() throws IOException {
        try (RawClient alice = loggedIn("alice")) {
            assertThatThrownBy(() -> server.kick("alice", "x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
            assertThat(server.users()).hasSize(1);
        }
    }

    @Test
    void dropPendingClosesOnlyThatHost() throws Exception {
        try (RawClient pending = connect(); RawClient alice = loggedIn("alice")) {
            long id = server.pendingHosts().get(0).connectionId();
            assertThat(server.dropPending(id)).isTrue();
            assertThat(pending.closedByServer()).isTrue();
            ServerEvent.HostClosed closed = events.await(ServerEvent.HostClosed.class);
            assertThat(closed.connectionId()).isEqualTo(id);
            assertThat(closed.why()).contains("dropped");
            assertThat(server.pendingHosts()).isEmpty();
            assertThat(server.dropPending(id)).isFalse();
            long aliceId = server.users().get(0).connectionId();
            assertThat(server.dropPending(aliceId)).as("a user is not a pending host").isFalse();
        }
    }

    @Test
    void announceReachesEveryUserButNotPendingHosts() throws Exception {
        try (RawClient alice = loggedIn("alice"); RawClient bob = loggedIn("bob"); RawClient pending = connect()) {
            assertThat(server.announce("Pizza is here")).isEqualTo(2);
            assertThat(alice.next(Announcement.class).text()).isEqualTo("Pizza is here");
            assertThat(bob.next(Announcement.class).text()).isEqualTo("Pizza is here");
            pending.send(new Ping("p"));
            assertThat(pending.next()).isEqualTo(new Pong("p"));
            assertThatThrownBy(() -> server.announce(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void stopTellsEveryUserClosesEverythingAndCanStartAgain() throws Exception {
        RawClient alice = loggedIn("alice");
        RawClient pending = connect();
        server.stop();
        Left left = alice.next(Left.class);
        assertThat(left.name()).isEqualTo("alice");
        assertThat(left.reason()).isEqualTo(LeaveReason.SERVER_STOPPED);
        assertThat(alice.closedByServer()).isTrue();
        assertThat(pending.closedByServer()).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(server.users()).isEmpty();
        assertThat(server.pendingHosts()).isEmpty();
        assertThat(server.port()).isEqualTo(-1);
        events.await(ServerEvent.Stopped.class);
        server.stop();

        int again = server.start(0);
        try (RawClient back = new RawClient(again)) {
            back.next(Welcome.class);
            back.send(new Login(null, "alice"));
            assertThat(((LoginOk) back.next()).number()).as("numbering starts afresh").isEqualTo(1);
        }
        alice.close();
        pending.close();
    }

    @Test
    void portInUseGivesASentenceNotAStackTrace() throws IOException {
        try (ServerSocket taken = new ServerSocket(0); ChatServer second = new ChatServer(ServerSettings.defaults())) {
            assertThatThrownBy(() -> second.start(taken.getLocalPort()))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use");
            assertThat(second.state()).isEqualTo(ServerState.STOPPED);
        }
    }

    @Test
    void pingIsAnsweredWithPongCarryingItsId() throws IOException {
        try (RawClient client = connect()) {
            client.send(new Ping("42"));
            assertThat(client.next()).isEqualTo(new Pong("42"));
        }
    }

    @Test
    void serverFullRefusesTheLoginButKeepsTheConnection() throws IOException {
        try (ChatServer small = new ChatServer(ServerSettings.defaults().withLimits(1, 10, 20, 5, 1 << 20))) {
            int smallPort = small.start(0);
            try (RawClient first = new RawClient(smallPort); RawClient second = new RawClient(smallPort)) {
                first.next(Welcome.class);
                second.next(Welcome.class);
                first.send(new Login(null, "one"));
                assertThat(first.next()).isInstanceOf(LoginOk.class);
                second.send(new Login("2", "two"));
                assertThat(((ErrorReply) second.next()).code()).isEqualTo(ErrorCode.SERVER_FULL);
                first.send(new Logout(null));
                first.next(LoggedOut.class);
                second.send(new Login(null, "two"));
                assertThat(second.next()).isInstanceOf(LoginOk.class);
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedWithServerFull() throws IOException {
        try (ChatServer small = new ChatServer(ServerSettings.defaults().withLimits(10, 1, 20, 5, 1 << 20))) {
            int smallPort = small.start(0);
            try (RawClient first = new RawClient(smallPort)) {
                first.next(Welcome.class);
                RawClient second = new RawClient(smallPort);
                assertThat(((ErrorReply) second.next()).code()).isEqualTo(ErrorCode.SERVER_FULL);
                assertThat(second.closedByServer()).isTrue();
                second.close();
                first.send(new Login(null, "first"));
                assertThat(first.next()).as("the first connection is unaffected").isInstanceOf(LoginOk.class);
            }
        }
    }

    @Test
    void pendingHostThatDoesNotLogInIsDropped() throws Exception {
        ServerSettings quick = ServerSettings.defaults()
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(90));
        try (ChatServer timed = new ChatServer(quick)) {
            EventRecorder timedEvents = new EventRecorder();
            timed.addListener(timedEvents);
            try (RawClient idle = new RawClient(timed.start(0))) {
                idle.next(Welcome.class);
                assertThat(idle.closedByServer()).isTrue();
                assertThat(timedEvents.await(ServerEvent.HostClosed.class).why()).contains("did not log in");
            }
        }
    }

    @Test
    void silentClientIsPingedAndDroppedWhenItDoesNotAnswer() throws Exception {
        ServerSettings quick = ServerSettings.defaults()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofMillis(600));
        try (ChatServer timed = new ChatServer(quick); RawClient silent = new RawClient(timed.start(0))) {
            EventRecorder timedEvents = new EventRecorder();
            timed.addListener(timedEvents);
            silent.next(Welcome.class);
            silent.send(new Login(null, "silent"));
            silent.next(LoginOk.class);
            assertThat(silent.next()).isInstanceOf(Ping.class);
            assertThat(silent.closedByServer()).isTrue();
            ServerEvent.UserLeft left = timedEvents.await(ServerEvent.UserLeft.class);
            assertThat(left.reason()).isEqualTo(LeaveReason.LOST);
            assertThat(left.detail()).contains("no answer");
        }
    }

    @Test
    void clientThatAnswersPingsStaysConnected() throws Exception {
        ServerSettings quick = ServerSettings.defaults()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofMillis(600));
        try (ChatServer timed = new ChatServer(quick); RawClient client = new RawClient(timed.start(0))) {
            client.next(Welcome.class);
            client.send(new Login(null, "awake"));
            client.next(LoginOk.class);
            for (int i = 0; i < 5; i++) {
                client.next(Ping.class);
                client.send(new Pong(null));
            }
            assertThat(timed.users()).extracting(ConnectedUser::name).containsExactly("awake");
        }
    }
}
