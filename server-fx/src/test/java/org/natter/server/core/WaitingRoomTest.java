package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Welcome;

/** The waiting room over loopback: held logins, admitted, refused, banned, gone, and the name kept meanwhile. */
class WaitingRoomTest {

    private final List<RawClient> clients = new ArrayList<>();
    private final EventRecorder events = new EventRecorder();
    private ChatServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new ChatServer(ServerSettings.builder().port(0).waitingRoom(true).build());
        server.addListener(events);
        port = server.start(0);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        client.next(Welcome.class);
        return client;
    }

    private RawClient waiting(String name) throws IOException, InterruptedException {
        RawClient client = connect();
        client.send(new Login("1", name, 2));
        Waiting waiting = client.next(Waiting.class);
        assertThat(waiting.re()).isEqualTo("1");
        assertThat(waiting.name()).isEqualTo(name);
        assertThat(waiting.text()).isEqualTo("Waiting for the host to let you in.");
        events.await(ServerEvent.HostPending.class, e -> name.equals(e.host().waitingName()));
        return client;
    }

    @Test
    void anAdmittedUserGetsLoginOkAndJoinsAsAnyUser() throws IOException, InterruptedException {
        server.setWaitingRoom(false);
        RawClient bob = connect();
        bob.send(new Login(null, "bob"));
        bob.next(LoginOk.class);
        server.setWaitingRoom(true);

        RawClient ada = waiting("ada");
        assertThat(server.pendingHosts()).extracting(PendingHost::waitingName).containsExactly("ada");
        assertThat(server.users()).extracting(u -> u.name()).containsExactly("bob");
        ada.send(new Say("s", "let me in"));
        assertThat(ada.next(ErrorReply.class).code()).as("not a user while waiting").isEqualTo(ErrorCode.NOT_LOGGED_IN);

        assertThat(server.admit("ADA")).isTrue();
        LoginOk ok = ada.next(LoginOk.class);
        assertThat(ok.re()).as("the answer to the held login").isEqualTo("1");
        assertThat(ok.users()).containsExactly("ada", "bob");
        assertThat(bob.next(Joined.class).name()).isEqualTo("ada");
        assertThat(server.pendingHosts()).isEmpty();
        assertThat(server.admit("ada")).as("nobody waits any more").isFalse();
        ServerEvent.Moderated admitted = events.await(ServerEvent.Moderated.class);
        assertThat(admitted.action()).isEqualTo("admit");
        assertThat(ServerEventText.describe(admitted)).isEqualTo("The host let ada in.");
    }

    @Test
    void aRefusedUserIsToldWhyAndDisconnected() throws IOException, InterruptedException {
        RawClient eve = waiting("eve");
        assertThat(server.refuse("eve", "Not in this class")).isTrue();
        ErrorReply refused = eve.next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refused.re()).isEqualTo("1");
        assertThat(refused.message()).isEqualTo("The host did not let you in. Not in this class");
        assertThat(eve.closedByServer()).isTrue();
        ServerEvent.HostClosed closed = events.await(ServerEvent.HostClosed.class);
        assertThat(closed.why()).isEqualTo("refused by the host");
        assertThat(server.pendingHosts()).isEmpty();
        assertThat(server.refuse("eve", "")).isFalse();

        RawClient again = waiting("eve");
        assertThat(again).as("a plain refusal bans nothing: the name may ask again").isNotNull();
    }

    @Test
    void aRefusalWithABanBansTheNameForItsDuration() throws IOException, InterruptedException {
        RawClient eve = waiting("eve");
        server.refuseAndBan("eve", "spam", Duration.ofHours(1));
        ErrorReply refused = eve.next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.BANNED);
        assertThat(refused.message()).startsWith("The host did not let you in, and the name eve is banned until")
                .endsWith(": spam");
        assertThat(eve.closedByServer()).isTrue();

        RawClient later = connect();
        later.send(new Login("2", "Eve", 2));
        ErrorReply banned = later.next(ErrorReply.class);
        assertThat(banned.code()).as("refused before it waits").isEqualTo(ErrorCode.BANNED);
        assertThat(server.pendingHosts()).noneMatch(PendingHost::isWaiting);
    }

    @Test
    void aBanOnAWaitingNameTurnsItAway() throws IOException {
        RawClient mallory = connect();
        mallory.send(new Login("7", "mallory", 2));
        mallory.next(Waiting.class);
        server.ban("mallory", null, "");
        ErrorReply banned = mallory.next(ErrorReply.class);
        assertThat(banned.code()).isEqualTo(ErrorCode.BANNED);
        assertThat(banned.re()).isEqualTo("7");
        assertThat(mallory.closedByServer()).isTrue();
    }

    @Test
    void aHeldConnectionThatGoesAwayLeavesTheListAndFreesTheName() throws IOException, InterruptedException {
        RawClient ada = waiting("ada");
        ada.close();
        events.await(ServerEvent.HostClosed.class);
        assertThat(server.pendingHosts()).isEmpty();
        assertThat(server.admit("ada")).isFalse();
        assertThat(waiting("ada")).as("the name is free again").isNotNull();
    }

    @Test
    void theNameIsKeptForTheOneWhoWaits() throws IOException, InterruptedException {
        RawClient first = waiting("ada");
        RawClient second = connect();
        second.send(new Login("2", "ADA", 2));
        ErrorReply taken = second.next(ErrorReply.class);
        assertThat(taken.code()).isEqualTo(ErrorCode.NAME_TAKEN);
        first.send(new Login("3", "other", 2));
        assertThat(first.next(ErrorReply.class).code()).as("one login at a time").isEqualTo(ErrorCode.ALREADY_LOGGED_IN);

        first.send(new Logout("4"));
        assertThat(first.next(LoggedOut.class).re()).as("a logout withdraws the waiting login").isEqualTo("4");
        second.send(new Login("5", "ada", 2));
        assertThat(second.next(Waiting.class).name()).isEqualTo("ada");
    }

    @Test
    void turningItOffLetsNewUsersInAtOnceButKeepsThoseWaiting() throws IOException, InterruptedException {
        RawClient ada = waiting("ada");
        server.setWaitingRoom(false);
        RawClient bob = connect();
        bob.send(new Login("1", "bob", 2));
        assertThat(bob.next(LoginOk.class).name()).isEqualTo("bob");
        assertThat(server.pendingHosts()).extracting(PendingHost::waitingName).containsExactly("ada");
        assertThat(server.admit("ada")).isTrue();
        ServerFrame answer = ada.next(LoginOk.class);
        assertThat(answer).isInstanceOf(LoginOk.class);
    }
}
