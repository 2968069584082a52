package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.HistoryExport;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.store.Retention;
import org.natter.server.store.SqliteMessageStore;
import org.natter.server.ui.rooms.CreateRoomViewModel;
import org.natter.server.ui.rooms.RoomItemViewModel;
import org.natter.server.ui.rooms.RoomRulesChoice;
import org.natter.server.ui.rooms.RoomsViewModel;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.users.ConnectedUserItemViewModel;

/**
 * The Rooms view model, announcements to a room and the users' rooms, against a real server on port 0 with real
 * socket clients. Background work runs directly on the calling thread; "the FX thread" is this test's thread:
 * server events and results queue up and {@link #waitUntil} runs them here, a bounded time, until a condition holds.
 */
class RoomsViewModelTest {

    private static final long WAIT_MILLIS = RawClient.WAIT.toMillis();

    @TempDir Path dataDir;
    @TempDir Path exports;
    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private final Executor fx = fxQueue::add;
    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private AdminViewModel viewModel;
    private RoomsViewModel rooms;

    @BeforeEach
    void setUp() {
        server = new ChatServer(ServerSettings.defaults().withPort(0), SqliteMessageStore.open(dataDir, Retention.forever()));
        viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT), dataDir, fx,
                Runnable::run, new MutableClock(Instant.now()), ZoneOffset.UTC, Messages.load(AdminWindow.BUNDLE));
        rooms = viewModel.rooms();
        server.start(0);
        waitUntil(() -> rooms.find("general") != null);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void rulesAreAppliedToTheServerAndShownInTheRow() {
        assertThat(create("maths", "")).isTrue();
        waitUntil(() -> rooms.find("maths") != null);
        RoomItemViewModel maths = rooms.find("maths");
        assertThat(maths.rulesProperty().get()).as("open to everyone").isEmpty();

        await(rooms.applyRules(maths, new RoomRulesChoice(true, List.of("ada", "bob"), 30)));
        waitUntil(() -> maths.rulesProperty().get().equals("moderated (2 may write), slow 30 s"));
        assertThat(server.rooms()).filteredOn(r -> r.name().equals("maths")).singleElement().satisfies(r -> {
            assertThat(r.moderated()).isTrue();
            assertThat(r.allowed()).containsExactly("ada", "bob");
            assertThat(r.slowModeSeconds()).isEqualTo(30);
        });
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Rules of #maths changed; its members were told.");

        await(rooms.applyRules(maths, new RoomRulesChoice(false, List.of("bob"), 0)));
        waitUntil(() -> maths.rulesProperty().get().isEmpty());
        assertThat(maths.currentRules()).isEqualTo(new RoomRulesChoice(false, List.of("bob"), 0));

        await(rooms.applyRules(maths, new RoomRulesChoice(true, List.of("not a name!"), 0)).handle((done, failure) -> failure));
        assertThat(viewModel.noticeProperty().get()).startsWith("Could not change the rules of #maths: ");
    }

    @Test
    void theSnapshotAtStartShowsGeneralCreatedByTheHost() {
        RoomItemViewModel general = rooms.find("general");
        assertThat(general.creatorProperty().get()).isEqualTo("host");
        assertThat(general.canClose()).isFalse();
        assertThat(viewModel.announceTargets().choices()).containsExactly(AnnounceTargets.EVERYONE, "general");
    }

    @Test
    void creatingARoomAddsItsRowAndARefusalSaysWhyInTheForm() {
        assertThat(create("maths", "Algebra on Fridays")).isTrue();
        waitUntil(() -> rooms.find("maths") != null);
        RoomItemViewModel maths = rooms.find("maths");
        assertThat(maths.topicProperty().get()).isEqualTo("Algebra on Fridays");
        assertThat(maths.creatorProperty().get()).isEqualTo("host");
        assertThat(maths.memberCountProperty().get()).isZero();
        assertThat(viewModel.announceTargets().choices()).containsExactly(AnnounceTargets.EVERYONE, "general", "maths");

        CreateRoomViewModel again = rooms.newRoomForm();
        again.nameProperty().set("Maths");
        assertThat(await(again.create())).isFalse();
        assertThat(again.problemProperty().get()).containsIgnoringCase("maths");

        CreateRoomViewModel hashed = rooms.newRoomForm();
        hashed.nameProperty().set("#art");
        assertThat(await(hashed.create())).isFalse();
        assertThat(hashed.problemProperty().get()).isEqualTo("A room name is written without # (only the windows show it).");
        hashed.nameProperty().set("art");
        assertThat(hashed.problemProperty().get()).as("editing clears the problem").isEmpty();
    }

    @Test
    void joiningUpdatesTheSameRowInPlaceAndTheUsersRoomsColumn() throws IOException {
        create("maths", "");
        waitUntil(() -> rooms.find("maths") != null);
        RoomItemViewModel maths = rooms.find("maths");
        RawClient ada = v2("ada");
        join(ada, "maths");

        waitUntil(() -> maths.memberCountProperty().get() == 1);
        assertThat(rooms.find("maths")).isSameAs(maths);
        assertThat(maths.membersProperty().get()).containsExactly("ada");
        assertThat(rooms.rooms()).hasSize(2);
        waitUntil(() -> user("ada") != null && user("ada").roomsProperty().get().equals("#maths, #general"));
    }

    @Test
    void aRoomAUserCreatesNamesThatUser() throws IOException {
        RawClient ada = v2("ada");
        join(ada, "chess");
        waitUntil(() -> rooms.find("chess") != null);
        assertThat(rooms.find("chess").creatorProperty().get()).isEqualTo("ada");
    }

    @Test
    void settingTheTopicReachesMembersAndTheRow() throws IOException {
        RawClient ada = v2("ada");
        RoomItemViewModel general = rooms.find("general");

        await(rooms.setTopic(general, "  Quiet please  "));

        assertThat(ada.next(TopicChanged.class).text()).isEqualTo("Quiet please");
        waitUntil(() -> general.topicProperty().get().equals("Quiet please"));
    }

    @Test
    void closingARoomTakesItsMembersOutAndRemovesTheRow() throws IOException {
        create("maths", "");
        RawClient ada = v2("ada");
        join(ada, "maths");
        waitUntil(() -> rooms.find("maths") != null && rooms.find("maths").memberCountProperty().get() == 1);
        RoomItemViewModel maths = rooms.find("maths");
        viewModel.announceTargets().chosenProperty().set("maths");
        assertThat(rooms.deleteQuestion(maths)).isEqualTo("Close #maths? Its 1 member is taken out.");

        assertThat(await(rooms.delete(maths))).isTrue();

        Left left = ada.next(Left.class);
        assertThat(left.room()).isEqualTo("maths");
        assertThat(left.reason()).isEqualTo(LeaveReason.ROOM_CLOSED);
        waitUntil(() -> rooms.find("maths") == null);
        assertThat(rooms.rooms()).extracting(RoomItemViewModel::name).containsExactly("general");
        waitUntil(() -> user("ada").roomsProperty().get().equals("#general"));
        assertThat(viewModel.announceTargets().room()).as("back to everyone").isNull();
        assertThat(viewModel.announceTargets().choices()).containsExactly(AnnounceTargets.EVERYONE, "general");
    }

    @Test
    void generalCannotBeClosedAndTheNoticeSaysWhy() {
        assertThat(rooms.delete(rooms.find("general"))).isNotNull();
        waitUntil(() -> viewModel.noticeProperty().get().startsWith("Could not close #general: "));
        assertThat(rooms.find("general")).isNotNull();
    }

    @Test
    void anAnnouncementToARoomReachesOnlyItsMembers() throws IOException {
        create("maths", "");
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "maths");
        waitUntil(() -> viewModel.announceTargets().choices().contains("maths"));

        viewModel.announceTargets().chosenProperty().set("maths");
        viewModel.announceTextProperty().set("Test at 10");
        assertThat(await(viewModel.announce())).isEqualTo(1);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Announcement sent to 1 users in #maths.");
        viewModel.announceTargets().chosenProperty().set(AnnounceTargets.EVERYONE);
        viewModel.announceTextProperty().set("Lunch");
        assertThat(await(viewModel.announce())).isEqualTo(2);

        Announcement first = ada.next(Announcement.class);
        assertThat(first.text()).isEqualTo("Test at 10");
        assertThat(first.room()).isEqualTo("maths");
        assertThat(ada.next(Announcement.class).text()).isEqualTo("Lunch");
        assertThat(bob.next(Announcement.class).text()).as("bob is not in maths").isEqualTo("Lunch");
    }

    @Test
    void exportWritesTheRoomsMessagesAndClearingEmptiesIt() throws IOException {
        RawClient ada = v2("ada");
        ada.send(new Say("1", "first"));
        ada.send(new Say("2", "second"));
        RoomItemViewModel general = rooms.find("general");
        waitUntil(() -> general.messagesProperty().get() == 2);

        Path json = exports.resolve("general.jsonl");
        assertThat(await(rooms.exportHistory(general, json, HistoryExport.Format.TEXT))).isEqualTo(2);
        assertThat(Files.readAllLines(json)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"))
                .anySatisfy(line -> assertThat(line).contains("\"first\""));
        Path text = exports.resolve("general.txt");
        assertThat(await(rooms.exportHistory(general, text, HistoryExport.Format.JSON_LINES))).isEqualTo(2);
        assertThat(Files.readAllLines(text)).hasSize(2).last().asString().endsWith("ada: second");
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Exported 2 messages of #general to " + text);
        waitUntil(() -> rooms.historyBytesProperty().get() > 0);
        assertThat(rooms.historySizeText().get()).matches("History on disk: [0-9.]+ (B|KB|MB)");
        assertThat(rooms.clearQuestion(general)).startsWith("Delete the history of #general? Its 2 messages go");

        assertThat(await(rooms.clearHistory(general))).isEqualTo(2);

        assertThat(viewModel.noticeProperty().get()).isEqualTo("Deleted 2 messages of #general.");
        waitUntil(() -> general.messagesProperty().get() == 0);
        assertThat(await(rooms.exportHistory(general, json, HistoryExport.Format.JSON_LINES))).isZero();
        assertThat(Files.readAllLines(json)).isEmpty();
    }

    @Test
    void theFileNameChoosesTheFormatBeforeTheDialogsChoice() {
        assertThat(RoomsViewModel.formatFor(Path.of("a.JSONL"), HistoryExport.Format.TEXT))
                .isEqualTo(HistoryExport.Format.JSON_LINES);
        assertThat(RoomsViewModel.formatFor(Path.of("a.txt"), HistoryExport.Format.JSON_LINES))
                .isEqualTo(HistoryExport.Format.TEXT);
        assertThat(RoomsViewModel.formatFor(Path.of("history"), HistoryExport.Format.JSON_LINES))
                .isEqualTo(HistoryExport.Format.JSON_LINES);
    }

    private boolean create(String name, String topic) {
        CreateRoomViewModel form = rooms.newRoomForm();
        form.nameProperty().set(name);
        form.topicProperty().set(topic);
        return await(form.create());
    }

    private RawClient v2(String name) throws IOException {
        RawClient client = new RawClient(server.port());
        clients.add(client);
        client.next(Welcome.class);
        client.send(new Login(null, name, 2));
        client.next(LoginOk.class);
        assertThat(client.next(RoomState.class).room()).isEqualTo("general");
        return client;
    }

    private static void join(RawClient client, String room) throws IOException {
        client.send(new Join("j", room));
        assertThat(client.next(RoomState.class).room()).isEqualTo(room);
    }

    private ConnectedUserItemViewModel user(String name) {
        return viewModel.users().users().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
    }

    /** Runs queued FX work until the future completes, at most {@link #WAIT_MILLIS}. */
    private <T> T await(CompletableFuture<T> future) {
        waitUntil(future::isDone);
        return future.join();
    }

    /** Runs queued FX work on this thread until the condition holds; fails after {@link #WAIT_MILLIS}. */
    private void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("The condition did not hold within " + WAIT_MILLIS + " ms");
            }
            try {
                Runnable task = fxQueue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
