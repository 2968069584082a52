package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.bans.AddBanViewModel;
import org.natter.server.ui.bans.BansViewModel;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.shared.BanDuration;
import org.natter.server.ui.users.ConnectedUserItemViewModel;
import org.natter.server.ui.users.KickChoice;

/**
 * Bans and mutes from the Users table and the Bans view model, against a real server on port 0 with real socket
 * clients from other loopback addresses. Background work runs on the calling thread; "the FX thread" is this
 * test's thread: server events and results queue up and {@link #waitUntil} runs them here, a bounded time.
 */
class BansViewModelTest {

    private static final long WAIT_MILLIS = RawClient.WAIT.toMillis();

    @TempDir Path dataDir;
    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private final Executor fx = fxQueue::add;
    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private AdminViewModel viewModel;
    private BansViewModel bans;

    @BeforeEach
    void setUp() {
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT), dataDir, fx,
                Runnable::run, new MutableClock(Instant.now()), ZoneOffset.UTC, Messages.load(AdminWindow.BUNDLE));
        bans = viewModel.bans();
        server.start(0);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void banningFromAUserRowRemovesTheUserRefusesTheirLoginAndListsTheBan() throws IOException {
        RawClient bob = loggedIn("127.0.0.3", "bob");
        ConnectedUserItemViewModel row = userRow("bob");
        assertThat(await(viewModel.users().ban(List.of(row), Duration.ofHours(1), "spamming", false))).isEqualTo(1);
        assertThat(bob.next(Kicked.class).reason()).contains("spamming");
        waitUntil(() -> viewModel.users().users().isEmpty());
        waitUntil(() -> bans.sanctions().size() == 1);
        assertThat(bans.sanctions()).extracting(Sanction::kind, Sanction::target, Sanction::reason)
                .containsExactly(tuple(Sanction.Kind.NAME_BAN, "bob", "spamming"));
        assertThat(bans.sanctions().get(0).until()).isNotNull();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Banned bob.");

        RawClient again = connect("127.0.0.3");
        again.send(new Login("1", "bob"));
        assertThat(again.next(ErrorReply.class).code()).isEqualTo(ErrorCode.BANNED);
        again.send(new Login("2", "robert"));
        assertThat(again.next(LoginOk.class).name()).as("the address is not banned").isEqualTo("robert");
    }

    @Test
    void banningTheAddressTooRefusesANewConnectionFromThatAddressAndUnbanLetsItIn() throws IOException {
        loggedIn("127.0.0.5", "mallory");
        loggedIn("127.0.0.6", "ada");
        await(viewModel.users().kick(List.of(userRow("mallory")), new KickChoice("go away", BanDuration.FOR_GOOD, true)));
        waitUntil(() -> bans.sanctions().size() == 2);
        assertThat(bans.sanctions()).extracting(Sanction::kind, Sanction::target, Sanction::until).containsExactly(
                tuple(Sanction.Kind.NAME_BAN, "mallory", null), tuple(Sanction.Kind.ADDRESS_BAN, "127.0.0.5", null));
        waitUntil(() -> userRow("mallory") == null);
        assertThat(userRow("ada")).as("another address stays").isNotNull();

        RawClient refused = from("127.0.0.5");
        assertThat(refused.next(ErrorReply.class).code()).isEqualTo(ErrorCode.BANNED);
        assertThat(refused.closedByServer()).isTrue();

        Sanction addressBan = bans.sanctions().get(1);
        assertThat(await(bans.lift(List.of(addressBan)))).isEqualTo(1);
        waitUntil(() -> bans.sanctions().size() == 1);
        assertThat(bans.sanctions()).extracting(Sanction::target).containsExactly("mallory");
        assertThat(connect("127.0.0.5")).as("the address may connect again").isNotNull();
    }

    @Test
    void aMutedUserIsRefusedWithMutedAndUnmutingLetsThemSpeak() throws IOException {
        RawClient ada = loggedIn("127.0.0.7", "ada");
        assertThat(await(viewModel.users().mute(List.of(userRow("ada")), Duration.ofMinutes(10), "calm down")))
                .isEqualTo(1);
        waitUntil(() -> bans.sanctions().size() == 1);
        assertThat(bans.sanctions().get(0).kind()).isEqualTo(Sanction.Kind.MUTE);
        ada.send(new Say("1", "let me speak"));
        ErrorReply muted = ada.next(ErrorReply.class);
        assertThat(muted.code()).isEqualTo(ErrorCode.MUTED);
        assertThat(muted.message()).contains("calm down");
        assertThat(userRow("ada")).as("a muted user stays connected").isNotNull();

        assertThat(await(bans.lift(List.copyOf(bans.sanctions())))).isEqualTo(1);
        waitUntil(() -> bans.sanctions().isEmpty());
        ada.send(new Say("2", "thanks"));
        assertThat(ada.next(Message.class).re()).isEqualTo("2");
    }

    @Test
    void addBanShowsTheServersSentenceForABadTargetAndBansARange() throws IOException {
        AddBanViewModel form = bans.newBanForm();
        form.targetProperty().set("not a name!");
        assertThat(await(form.ban())).isFalse();
        assertThat(form.problemProperty().get()).startsWith("Ban a name, an address or a range");
        form.targetProperty().set("127.0.0.8/30");
        assertThat(form.problemProperty().get()).as("editing clears the problem").isEmpty();
        form.durationProperty().set(BanDuration.TEN_MINUTES);
        assertThat(await(form.ban())).isTrue();
        waitUntil(() -> bans.sanctions().size() == 1);
        assertThat(bans.sanctions().get(0).target()).isEqualTo("127.0.0.8/30");
        assertThat(from("127.0.0.10").next(ErrorReply.class).code()).isEqualTo(ErrorCode.BANNED);

        form.reason().reasonProperty().set("x".repeat(201));
        assertThat(form.canBanProperty().get()).as("a reason too long is refused, not cut").isFalse();
    }

    private RawClient loggedIn(String address, String name) throws IOException {
        RawClient client = connect(address);
        client.send(new Login(null, name));
        client.next(LoginOk.class);
        waitUntil(() -> userRow(name) != null);
        return client;
    }

    private RawClient connect(String address) throws IOException {
        RawClient client = from(address);
        client.next(Welcome.class);
        return client;
    }

    private RawClient from(String address) throws IOException {
        RawClient client = RawClient.from(address, server.port());
        clients.add(client);
        return client;
    }

    private ConnectedUserItemViewModel userRow(String name) {
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
