package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.SetTopic;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AddressLimits;

/** Names, room names and texts that could deceive, refused over loopback (docs/PROTOCOL.md, "Names" and "Text"). */
class LookAlikeNamesTest {

    private static final String CYRILLIC_A_ALICE = "\u0430lice";
    private static final String UKRAINIAN_I_ALICE = "al\u0456ce";
    /** "саре": four Cyrillic letters, one script, that read as the Latin "cape". */
    private static final String CYRILLIC_CAPE = "\u0441\u0430\u0440\u0435";

    private final EventRecorder events = new EventRecorder();
    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().addressLimits(AddressLimits.generous()).build());
        server.addListener(events);
        port = server.start(0);
    }

    @AfterEach
    void closeServer() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        assertThat(client.next()).isInstanceOf(Welcome.class);
        return client;
    }

    private RawClient loggedIn(String name) throws IOException {
        RawClient client = connect();
        client.send(new Login("l", name, 2));
        assertThat(client.next(LoginOk.class).name()).isEqualTo(name);
        return client;
    }

    private ErrorReply refusedLogin(RawClient client, String name) throws IOException {
        client.send(new Login("x", name, 2));
        return client.next(ErrorReply.class);
    }

    @Test
    void lookAlikesOfAnOnlineNameAreRefusedAsTaken() throws IOException {
        loggedIn("alice");
        RawClient other = connect();
        for (String name : new String[] {"ALICE", CYRILLIC_A_ALICE, UKRAINIAN_I_ALICE}) {
            ErrorReply error = refusedLogin(other, name);
            assertThat(error.code()).as(name).isEqualTo(ErrorCode.NAME_TAKEN);
            assertThat(error.re()).isEqualTo("x");
        }
        assertThat(refusedLogin(other, CYRILLIC_A_ALICE).message())
                .isEqualTo("The name \"" + CYRILLIC_A_ALICE + "\" looks like a name already in use. Choose another one.");
        assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("alice");
    }

    @Test
    void aLookAlikeIsFreeOnceTheNameItResemblesHasLeft() throws Exception {
        RawClient cape = loggedIn("cape");
        RawClient other = connect();
        assertThat(refusedLogin(other, CYRILLIC_CAPE).code()).isEqualTo(ErrorCode.NAME_TAKEN);

        cape.send(new Logout("bye"));
        events.await(ServerEvent.UserLeft.class, e -> e.reason() == LeaveReason.LOGOUT);
        other.send(new Login("y", CYRILLIC_CAPE, 2));
        assertThat(other.next(LoginOk.class).name()).isEqualTo(CYRILLIC_CAPE);
        assertThat(refusedLogin(cape, "Cape").code()).as("now the Latin one is the look-alike").isEqualTo(ErrorCode.NAME_TAKEN);
    }

    @Test
    void aMixedScriptNameIsRefusedAsInvalidWhenNothingLikeItIsOnline() throws Exception {
        RawClient alice = loggedIn("alice");
        alice.send(new Logout("bye"));
        events.await(ServerEvent.UserLeft.class, e -> e.reason() == LeaveReason.LOGOUT);
        RawClient other = connect();
        for (String name : new String[] {CYRILLIC_A_ALICE, UKRAINIAN_I_ALICE}) {
            ErrorReply error = refusedLogin(other, name);
            assertThat(error.code()).as(name).isEqualTo(ErrorCode.INVALID_NAME);
            assertThat(error.message()).contains("cannot mix").contains("Latin").contains("Cyrillic");
        }
        other.send(new Login("y", "alice", 2));
        assertThat(other.next(LoginOk.class).name()).isEqualTo("alice");
    }

    @Test
    void namesWithInvisibleFillersAreRefused() throws IOException {
        RawClient client = connect();
        for (String name : new String[] {"\u3164", "bob\u3164", "\u115Fbob", "b\u1160ob", "\uFFA0bob", "bo\u200Bb"}) {
            ErrorReply error = refusedLogin(client, name);
            assertThat(error.code()).as(name).isEqualTo(ErrorCode.INVALID_NAME);
            assertThat(error.message()).as(name).contains("invisible");
        }
        client.send(new Login(null, "bob", 2));
        assertThat(client.next(LoginOk.class).name()).isEqualTo("bob");
    }

    @Test
    void textsWithBidiControlsAreRefusedAndInvisibleOnesAreBlank() throws IOException {
        RawClient alice = loggedIn("alice");
        for (String text : new String[] {"pay \u202Egnp.exe", "\u2066hidden\u2069", "\u200B\u200B", "\u3164", "\u2800 \u2800"}) {
            alice.send(new Say("t", text));
            ErrorReply error = alice.next(ErrorReply.class);
            assertThat(error.code()).as(text).isEqualTo(ErrorCode.INVALID_TEXT);
            assertThat(error.re()).isEqualTo("t");
        }
        alice.send(new Say("ok", "שלום\u200F world"));
        assertThat(alice.next(Message.class).text()).isEqualTo("שלום\u200F world");
        alice.send(new Join("chess", "chess"));
        assertThat(alice.next(RoomState.class).room()).isEqualTo("chess");
        alice.send(new SetTopic("topic", "chess", "\u202Eevil"));
        assertThat(alice.next(ErrorReply.class).code()).isEqualTo(ErrorCode.INVALID_TEXT);
        assertThatThrownBy(() -> server.announce("\u202Eevil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roomNamesFollowTheSameRules() throws IOException {
        RawClient alice = loggedIn("alice");
        alice.send(new Join("mixed", "g\u0435neral"));   // Cyrillic е
        ErrorReply mixed = alice.next(ErrorReply.class);
        assertThat(mixed.code()).isEqualTo(ErrorCode.INVALID_ROOM);
        assertThat(mixed.message()).contains("cannot mix");

        alice.send(new Join("filler", "chess\u3164"));
        assertThat(alice.next(ErrorReply.class).message()).contains("invisible");

        alice.send(new Join("cape", "cape"));
        assertThat(alice.next(RoomState.class).room()).isEqualTo("cape");
        alice.send(new Join("look", CYRILLIC_CAPE));
        ErrorReply lookalike = alice.next(ErrorReply.class);
        assertThat(lookalike.code()).isEqualTo(ErrorCode.INVALID_ROOM);
        assertThat(lookalike.message()).contains("looks like #cape");
        assertThatThrownBy(() -> server.createRoom(CYRILLIC_CAPE, "")).hasMessageContaining("looks like #cape");
        assertThatThrownBy(() -> server.createRoom("g\u0435neral", "")).hasMessageContaining("cannot mix");
    }

    @Test
    void operatorReasonsLoseTheirBidiControlsAndInvisibleOnesCountAsNone() throws Exception {
        RawClient alice = loggedIn("alice");
        assertThat(server.kick("alice", "keep it \u202Efriendly\u202C")).isTrue();
        assertThat(alice.next(Kicked.class).reason()).isEqualTo("keep it friendly");

        loggedIn("bob");
        assertThat(server.ban("bob", Duration.ofMinutes(5), "\u200B\u2800").reason()).isEmpty();
    }
}
