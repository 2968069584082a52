package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.control.ServerControlViewModel;
import org.natter.server.ui.log.LogKind;
import org.natter.server.ui.log.LogLine;
import org.natter.server.ui.log.LogViewModel;
import org.natter.server.ui.pending.PendingHostItemViewModel;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.users.ConnectedUserItemViewModel;

/** The view model without a toolkit: a direct FX executor, a real (mostly stopped) server, a hand-moved clock. */
class AdminViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Executor DIRECT = Runnable::run;

    @TempDir Path dataDir;
    private final MutableClock clock = new MutableClock(T0);
    private ChatServer server;
    private AdminViewModel viewModel;
    private ExecutorService fxStandIn;

    @BeforeEach
    void setUp() {
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        viewModel = newViewModel(DIRECT, LogViewModel.DEFAULT_CAPACITY);
    }

    @AfterEach
    void tearDown() {
        server.close();
        if (fxStandIn != null) {
            fxStandIn.shutdownNow();
        }
    }

    private AdminViewModel newViewModel(Executor fx, int logCapacity) {
        return new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT), dataDir, fx, DIRECT,
                clock, ZoneOffset.UTC, Messages.load(AdminWindow.BUNDLE), logCapacity);
    }

    @Test
    void onlyTheValidButtonIsEnabledInEachState() {
        ServerControlViewModel control = viewModel.control();
        assertThat(control.canStartProperty().get()).isTrue();
        assertThat(control.canStopProperty().get()).isFalse();

        viewModel.pump().stateChanged(ServerState.STARTING);
        assertThat(control.canStartProperty().get()).isFalse();
        assertThat(control.canStopProperty().get()).isFalse();
        assertThat(control.stateTextProperty().get()).isEqualTo("Starting…");

        viewModel.pump().stateChanged(ServerState.RUNNING);
        viewModel.pump().onEvent(new ServerEvent.Started(T0, 8021));
        assertThat(control.canStartProperty().get()).isFalse();
        assertThat(control.canStopProperty().get()).isTrue();
        assertThat(control.stateTextProperty().get()).isEqualTo("Running on port 8021");

        viewModel.pump().stateChanged(ServerState.STOPPING);
        assertThat(control.canStopProperty().get()).isFalse();

        viewModel.pump().stateChanged(ServerState.STOPPED);
        assertThat(control.canStartProperty().get()).isTrue();
        assertThat(control.stateTextProperty().get()).isEqualTo("Stopped");
    }

    @Test
    void aPortOutsideTheRangeDisablesStartAndSaysWhy() {
        ServerControlViewModel control = viewModel.control();
        control.portTextProperty().set("70000");
        assertThat(control.canStartProperty().get()).isFalse();
        assertThat(control.portProblemProperty().get()).contains("between 0 and 65535");

        control.portTextProperty().set("eighty");
        assertThat(control.canStartProperty().get()).isFalse();

        control.portTextProperty().set(" 8020 ");
        assertThat(control.canStartProperty().get()).isTrue();
        assertThat(control.portProblemProperty().get()).isEmpty();
    }

    @Test
    void manyEventsNeedOneScheduledDrainAndOneListChange() {
        List<Runnable> scheduled = new ArrayList<>();
        AdminViewModel batching = newViewModel(scheduled::add, LogViewModel.DEFAULT_CAPACITY);
        List<ListChangeListener.Change<? extends LogLine>> changes = new ArrayList<>();
        batching.log().lines().addListener((ListChangeListener<LogLine>) changes::add);

        for (int i = 0; i < 1_000; i++) {
            batching.pump().onEvent(new ServerEvent.HostPending(T0, new PendingHost(i, "10.0.0.1:" + i, T0)));
            batching.pump().onEvent(new ServerEvent.ClientError(T0, i, "10.0.0.1:" + i, "BAD_JSON", "not JSON"));
        }

        assertThat(scheduled).hasSize(1);
        assertThat(batching.pump().maxQueued()).isEqualTo(2_000);
        scheduled.remove(0).run();
        assertThat(batching.log().lines()).hasSize(1_000);
        assertThat(batching.pending().hosts()).hasSize(1_000);
        assertThat(changes).hasSize(1);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void stateChangesAreCoalescedToTheLatest() {
        List<Runnable> scheduled = new ArrayList<>();
        AdminViewModel batching = newViewModel(scheduled::add, LogViewModel.DEFAULT_CAPACITY);
        batching.pump().stateChanged(ServerState.STARTING);
        batching.pump().stateChanged(ServerState.RUNNING);

        assertThat(scheduled).hasSize(1);
        scheduled.remove(0).run();
        assertThat(batching.control().stateProperty().get()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void theLogKeepsOnlyTheNewestLinesPastItsCapacity() {
        AdminViewModel small = newViewModel(DIRECT, 100);
        ConnectedUser alice = user(1, "alice", 0);
        small.pump().onEvent(new ServerEvent.UserJoined(T0, alice));
        for (int i = 1; i <= 250; i++) {
            small.pump().onEvent(message(alice.withMessagesSent(i), "line " + i));
        }

        assertThat(small.log().lines()).hasSize(100);
        assertThat(small.log().lines().get(0).text()).isEqualTo("alice: line 151");
        assertThat(small.log().lines().get(99).text()).isEqualTo("alice: line 250");
    }

    @Test
    void aHostMovesFromPendingToUsersWhenItLogsIn() {
        viewModel.pump().onEvent(new ServerEvent.HostPending(T0, new PendingHost(7, "192.168.1.9:50000", T0)));
        assertThat(viewModel.pending().hosts()).extracting(PendingHostItemViewModel::address)
                .containsExactly("192.168.1.9:50000");

        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(7, "alice", 0)));

        assertThat(viewModel.pending().hosts()).isEmpty();
        assertThat(viewModel.users().users()).extracting(ConnectedUserItemViewModel::name).containsExactly("alice");
        assertThat(viewModel.log().lines()).extracting(LogLine::text).containsExactly("alice joined from 10.0.0.7:4000");
    }

    @Test
    void aMessageUpdatesTheSameRowInPlace() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(3, "bob", 0)));
        ConnectedUserItemViewModel row = viewModel.users().users().get(0);
        List<Object> changes = new ArrayList<>();
        viewModel.users().users().addListener((ListChangeListener<ConnectedUserItemViewModel>) changes::add);

        viewModel.pump().onEvent(message(user(3, "bob", 1), "hi"));
        viewModel.pump().onEvent(message(user(3, "bob", 2), "there"));

        assertThat(viewModel.users().users()).containsExactly(row);
        assertThat(row.messagesSentProperty().get()).isEqualTo(2);
        assertThat(changes).isEmpty();
    }

    @Test
    void aKickedUserLeavesTheTableAndTheLogSaysWhy() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(3, "bob", 0)));
        viewModel.pump().onEvent(new ServerEvent.UserLeft(T0, user(3, "bob", 0), LeaveReason.KICKED, "spam"));

        assertThat(viewModel.users().users()).isEmpty();
        LogLine last = viewModel.log().lines().get(viewModel.log().lines().size() - 1);
        assertThat(last.kind()).isEqualTo(LogKind.KICK);
        assertThat(last.text()).isEqualTo("bob was removed by the host (reason, shown to bob only: spam)");
    }

    @Test
    void stoppedEmptiesBothTables() {
        viewModel.pump().onEvent(new ServerEvent.HostPending(T0, new PendingHost(1, "10.0.0.1:1", T0)));
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(2, "carol", 0)));
        viewModel.pump().onEvent(new ServerEvent.Stopped(T0));

        assertThat(viewModel.pending().hosts()).isEmpty();
        assertThat(viewModel.users().users()).isEmpty();
    }

    @Test
    void aRowAddedAndRemovedInOneBatchNeverReachesTheTable() {
        List<Runnable> scheduled = new ArrayList<>();
        AdminViewModel batching = newViewModel(scheduled::add, LogViewModel.DEFAULT_CAPACITY);
        List<Object> changes = new ArrayList<>();
        batching.pending().hosts().addListener((ListChangeListener<PendingHostItemViewModel>) changes::add);
        batching.pump().onEvent(new ServerEvent.HostPending(T0, new PendingHost(1, "10.0.0.1:1", T0)));
        batching.pump().onEvent(new ServerEvent.HostClosed(T0, 1, "10.0.0.1:1", "timed out"));
        scheduled.remove(0).run();

        assertThat(batching.pending().hosts()).isEmpty();
        assertThat(changes).isEmpty();
        assertThat(batching.log().lines()).extracting(LogLine::text)
                .containsExactly("10.0.0.1:1 disconnected without logging in (timed out)");
    }

    @Test
    void theFilterShowsOnlyMatchingLines() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(1, "alice", 0)));
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(2, "bob", 0)));
        viewModel.log().filterProperty().set("BOB");
        assertThat(viewModel.log().visibleLines()).extracting(LogLine::text).containsExactly("bob joined from 10.0.0.2:4000");

        viewModel.log().filterProperty().set("");
        assertThat(viewModel.log().visibleLines()).hasSize(2);
    }

    @Test
    void savingWritesTheFilteredLinesWithDateAndTime() throws Exception {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(1, "alice", 0)));
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(2, "bob", 0)));
        viewModel.log().filterProperty().set("bob");
        Path file = dataDir.resolve("log.txt");

        viewModel.log().save(file).get(10, TimeUnit.SECONDS);

        assertThat(java.nio.file.Files.readAllLines(file))
                .containsExactly("2026-11-22 09:00:00.000  JOIN    bob joined from 10.0.0.2:4000");
    }

    @Test
    void pendingDurationsAndTheMessageRateFollowTheClock() {
        viewModel.pump().onEvent(new ServerEvent.Started(T0, 8020));
        viewModel.pump().onEvent(new ServerEvent.HostPending(T0, new PendingHost(1, "10.0.0.1:1", T0)));
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(2, "dave", 0)));
        for (int i = 1; i <= 30; i++) {
            viewModel.pump().onEvent(message(user(2, "dave", i), "m" + i));
        }
        clock.advance(Duration.ofSeconds(75));
        viewModel.tick();

        assertThat(viewModel.pending().hosts().get(0).connectedForProperty().get()).isEqualTo("1:15");
        assertThat(viewModel.status().uptimeProperty().get()).isEqualTo("Up 1:15");
        assertThat(viewModel.status().messagesPerMinuteProperty().get()).isEqualTo("0 msg/min");
        assertThat(viewModel.status().usersOnlineText().get()).isEqualTo("1 online");

        viewModel.pump().onEvent(new ServerEvent.MessageSent(clock.instant(), user(2, "dave", 31),
                new ChatMessage(31, "dave", "now", clock.instant())));
        viewModel.tick();
        assertThat(viewModel.status().messagesPerMinuteProperty().get()).isEqualTo("1 msg/min");
    }

    @Test
    void kickingSomeoneWhoAlreadyLeftSaysSo() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(9, "erin", 0)));
        ConnectedUserItemViewModel row = viewModel.users().users().get(0);

        boolean kicked = viewModel.users().kick(row, "bye").join();

        assertThat(kicked).isFalse();
        assertThat(row.busyProperty().get()).isFalse();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("erin is no longer connected.");
    }

    @Test
    void aPortInUseShowsTheServersSentence() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            viewModel.control().portTextProperty().set(Integer.toString(taken.getLocalPort()));

            Throwable failure = catchThrowable(() -> viewModel.control().start().get(10, TimeUnit.SECONDS));

            assertThat(failure).isNotNull();
            assertThat(viewModel.control().errorProperty().get()).contains("already in use");
            assertThat(viewModel.control().stateProperty().get()).isEqualTo(ServerState.STOPPED);
            assertThat(viewModel.control().canStartProperty().get()).isTrue();
        }
    }

    @Test
    void startAndStopDriveTheRealServer() throws Exception {
        ServerControlViewModel control = onFxStandIn().control();
        int port = onFx(control::start).get(10, TimeUnit.SECONDS);

        assertThat(port).isPositive();
        // The server's own events (STARTING, then RUNNING and Started) come on its event thread and may land
        // after start() completed, clearing the addresses until Started brings them back.
        awaitAddresses(control);
        assertThat(onFx(() -> control.stateProperty().get())).isEqualTo(ServerState.RUNNING);
        assertThat(onFx(() -> List.copyOf(control.addresses()))).isNotEmpty().allMatch(a -> a.endsWith(":" + port));

        onFx(control::stop).get(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> control.stateProperty().get())).isEqualTo(ServerState.STOPPED);
        assertThat(onFx(() -> List.copyOf(control.addresses()))).isEmpty();

        int again = onFx(control::start).get(10, TimeUnit.SECONDS);
        assertThat(again).isPositive();
        assertThat(onFx(() -> control.stateProperty().get())).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void aLoopbackServerOffersOnlyItsLoopbackAddressAndSaysOnlyThisComputerCanConnect() throws Exception {
        server.close();
        server = new ChatServer(ServerSettings.builder().port(0).bindAddress("127.0.0.1").build());
        ServerControlViewModel control = onFxStandIn().control();

        int port = onFx(control::start).get(10, TimeUnit.SECONDS);
        awaitAddresses(control);

        assertThat(onFx(() -> List.copyOf(control.addresses()))).containsExactly("127.0.0.1:" + port);
        assertThat(onFx(() -> control.reachNoteProperty().get()))
                .isEqualTo("Only this computer can connect (listening on 127.0.0.1)");
        onFx(control::stop).get(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> control.reachNoteProperty().get())).isEmpty();
    }

    @Test
    void aServerOnEveryInterfaceHasNoLocalOnlyNote() throws Exception {
        ServerControlViewModel control = onFxStandIn().control();
        onFx(control::start).get(10, TimeUnit.SECONDS);
        awaitAddresses(control);

        assertThat(onFx(() -> List.copyOf(control.addresses()))).isNotEmpty();
        assertThat(onFx(() -> control.reachNoteProperty().get())).isEmpty();
    }

    @Test
    void hidingJoinsAndLeavesIsASettingTheLogFollows() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(3, "bob", 0)));
        viewModel.pump().onEvent(message(user(3, "bob", 1), "hi"));

        viewModel.settings().showJoinsAndLeavesProperty().set(false);

        assertThat(viewModel.log().visibleLines()).extracting(LogLine::text).containsExactly("bob: hi");
        assertThat(AdminPreferences.load(dataDir, "", "").showJoinsAndLeaves()).isFalse();
    }

    @Test
    void stoppingAsksOnlyWhileUsersAreOnlineAndSaysHowMany() {
        assertThat(viewModel.stopQuestion()).isEmpty();
        assertThat(viewModel.closeQuestion()).isEqualTo(
                "Closing the window stops the server and disconnects no one (no one is logged in).");
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(1, "ada", 0)));
        assertThat(viewModel.stopQuestion()).contains("Stop the server and disconnect 1 user?");

        for (int i = 2; i <= 61; i++) {
            viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(i, "user" + i, 0)));
        }

        assertThat(viewModel.stopQuestion()).contains("Stop the server and disconnect 61 users?");
        assertThat(viewModel.closeQuestion()).isEqualTo("Closing the window stops the server and disconnects 61 users.");
    }

    @Test
    void theUserSearchMatchesNameOrAddressIgnoringCase() {
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(1, "Ada", 0)));
        viewModel.pump().onEvent(new ServerEvent.UserJoined(T0, user(2, "Бранко", 0)));

        viewModel.users().searchProperty().set("бран");
        assertThat(viewModel.users().shownUsers()).extracting(ConnectedUserItemViewModel::name).containsExactly("Бранко");
        viewModel.users().searchProperty().set("10.0.0.1:");
        assertThat(viewModel.users().shownUsers()).extracting(ConnectedUserItemViewModel::name).containsExactly("Ada");
        viewModel.users().searchProperty().set("");
        assertThat(viewModel.users().shownUsers()).hasSize(2);
    }

    @Test
    void settingsAreSavedAndReadBack() {
        viewModel.settings().updateInfo("Room 12", "Be kind.").join();
        viewModel.settings().themeProperty().set(UiTheme.DARK);

        AdminPreferences read = AdminPreferences.load(dataDir, "Natter", "");
        assertThat(read).isEqualTo(new AdminPreferences("Room 12", "Be kind.", UiTheme.DARK));
        assertThat(server.settings().serverName()).isEqualTo("Room 12");
        assertThat(server.settings().welcomeText()).isEqualTo("Be kind.");
    }

    /** Waits (at most 10 s) until the window offers addresses. */
    /**
     * A view model whose "FX thread" is one real thread, as in the window: with the direct executor, a running
     * server's start answer and its Started event would change the addresses from two threads at once.
     */
    private AdminViewModel onFxStandIn() {
        viewModel.dispose();
        fxStandIn = Executors.newSingleThreadExecutor(task -> new Thread(task, "fx-stand-in"));
        viewModel = newViewModel(fxStandIn, LogViewModel.DEFAULT_CAPACITY);
        return viewModel;
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return fxStandIn.submit(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits, without polling, until the control shows addresses (Started may come after start() answered). */
    private void awaitAddresses(ServerControlViewModel control) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        fxStandIn.execute(() -> {
            if (!control.addresses().isEmpty()) {
                shown.countDown();
            }
            control.addresses().addListener((ListChangeListener<String>) change -> {
                if (!change.getList().isEmpty()) {
                    shown.countDown();
                }
            });
        });
        assertThat(shown.await(10, TimeUnit.SECONDS)).as("addresses shown").isTrue();
    }

    private static ConnectedUser user(long id, String name, long messages) {
        return new ConnectedUser(id, name, "10.0.0." + id + ":4000", T0, messages);
    }

    private static ServerEvent.MessageSent message(ConnectedUser from, String text) {
        return new ServerEvent.MessageSent(T0, from, new ChatMessage(from.messagesSent(), from.name(), text, T0));
    }
}
