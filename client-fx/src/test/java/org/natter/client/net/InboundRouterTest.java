package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.MembersPage;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.UsersPage;
import org.natter.common.protocol.Welcome;

/** Where each frame goes, with a fake link and the listener events delivered synchronously. */
class InboundRouterTest {

    private final Recorder recorder = new Recorder();
    private final ListenerDispatch events = new ListenerDispatch(new DirectExecutorService());
    private final Roster roster = new Roster();
    private final OpenRooms rooms = new OpenRooms();
    private final ConnectionLifecycle lifecycle = new ConnectionLifecycle(events, roster, rooms,
            ReconnectPolicy.of(ConnectionSettings.defaults()));
    private final MessageLedger ledger = new MessageLedger(events);
    private final InboundRouter router = new InboundRouter(lifecycle, roster, rooms, new TopicWaiters(), events,
            ledger, new CatchUp(ledger, ConnectionSettings.defaults()));
    private final FakeLink link = new FakeLink();

    @BeforeEach
    void connecting() throws ConnectionFailure {
        events.add(recorder);
        lifecycle.beginConnect(new ServerAddress("chat.lan", 8020), "anna");
        lifecycle.linkOpened(link);
    }

    @Test
    void everyServerFrameTypeHasARoute() {
        List<Class<?>> routed = Arrays.stream(InboundRouter.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("on") && m.getParameterCount() == 2)
                .map(m -> m.getParameterTypes()[1]).toList();

        // Version 3's pages of names never reach the router: the link's NamePageAssembler turns them into whole frames.
        List<Class<?>> whole = Arrays.stream(ServerFrame.class.getPermittedSubclasses())
                .filter(type -> type != UsersPage.class && type != MembersPage.class).toList();
        assertThat(routed).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void welcomeCompletesTheGreetingAndMarksTheConnectionConnected() {
        Welcome welcome = new Welcome("Natter", 1, "hi");

        router.route(link, welcome);

        assertThat(link.welcome()).isCompletedWithValue(welcome);
        assertThat(lifecycle.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(lifecycle.welcome()).isEqualTo(welcome);
    }

    @Test
    void loginIsAcceptedByTheLifecycleBeforeTheWaitingLoginCompletes() {
        CompletableFuture<ConnectionState> stateWhenAnswered = link.request(id -> new Login(id, "anna"))
                .thenApply(reply -> lifecycle.state());

        router.route(link, new LoginOk("t1", "anna", 1, "You are user number 1.", List.of("anna", "bob"), null));

        assertThat(stateWhenAnswered).isCompletedWithValue(ConnectionState.LOGGED_IN);
        assertThat(roster.snapshot()).containsExactly("anna", "bob");
    }

    @Test
    void joinAndLeaveKeepTheRosterAndTellTheListeners() {
        router.route(link, new Joined("Bob", Instant.now()));
        router.route(link, new Joined("al", Instant.now()));

        assertThat(roster.snapshot()).containsExactly("al", "Bob");
        assertThat(recorder.seen(Recorder.UsersChanged.class)).last()
                .isEqualTo(new Recorder.UsersChanged(List.of("al", "Bob")));
        assertThat(recorder.seen(Joined.class)).extracting(Joined::name).containsExactly("Bob", "al");
    }

    @Test
    void errorAnswersItsRequestOrElseReachesTheListeners() {
        CompletableFuture<ServerFrame> say = link.request(id -> new Say(id, "hello"));
        ErrorReply answer = new ErrorReply("t1", ErrorCode.RATE_LIMITED, "Slow down.");
        ErrorReply unasked = new ErrorReply(null, ErrorCode.BAD_JSON, "What?");

        router.route(link, answer);
        router.route(link, unasked);

        assertThat(say).isCompletedWithValue(answer);
        assertThat(recorder.seen(ErrorReply.class)).containsExactly(unasked);
    }

    @Test
    void messageAnswersTheSendAndReachesTheListeners() {
        CompletableFuture<ServerFrame> say = link.request(id -> new Say(id, "hello"));
        Message own = new Message(7, "anna", "hello", Instant.now(), "t1");

        router.route(link, own);

        assertThat(say).isCompletedWithValue(own);
        assertThat(recorder.seen(Message.class)).containsExactly(own);
    }

    @Test
    void pingIsAnsweredWithAPongCarryingItsId() {
        router.route(link, new Ping("s9"));

        assertThat(link.written).containsExactly(new Pong("s9"));
    }

    @Test
    void kickIsToldToTheListenersAndEndsTheSession() {
        router.route(link, new LoginOk("t1", "anna", 1, "", List.of("anna"), null));

        router.route(link, new Kicked("be nice"));

        assertThat(recorder.seen(Recorder.KickedEvent.class)).containsExactly(new Recorder.KickedEvent("be nice"));
        assertThat(lifecycle.phase()).isInstanceOf(ConnectionPhase.Ending.class);
    }

    @Test
    void aLeaveOfOneRoomKeepsTheUserOnlineAndALeaveOfTheServerRemovesItEverywhere() {
        router.route(link, new LoginOk("t1", "anna", 1, "", List.of("anna", "bob"),
                null, List.of(new RoomState(null, "general", null, List.of("anna", "bob")))));
        router.route(link, new RoomState(null, "maths", "sums", List.of("anna", "bob")));

        router.route(link, new Left("bob", "maths", LeaveReason.PART, null, Instant.now()));

        assertThat(roster.snapshot()).containsExactly("anna", "bob");
        assertThat(rooms.snapshot()).containsExactly(new OpenRoom("general", "", List.of("anna", "bob")),
                new OpenRoom("maths", "sums", List.of("anna")));

        router.route(link, new Left("bob", LeaveReason.QUIT, null, Instant.now()));

        assertThat(roster.snapshot()).containsExactly("anna");
        assertThat(rooms.snapshot()).extracting(OpenRoom::members).containsExactly(List.of("anna"), List.of("anna"));
        assertThat(recorder.seen(Recorder.RoomsChanged.class)).last()
                .isEqualTo(new Recorder.RoomsChanged(rooms.snapshot()));
    }
}
