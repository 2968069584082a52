package org.natter.server.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Texts;
import org.natter.server.core.ChatServer;
import org.natter.server.discovery.Reachability;
import org.natter.server.ui.invite.InviteViewModel;
import org.natter.server.core.moderation.AuditSource;
import org.natter.server.ui.audit.AuditViewModel;
import org.natter.server.ui.bans.BansViewModel;
import org.natter.server.ui.control.ServerControlViewModel;
import org.natter.server.ui.control.StatusViewModel;
import org.natter.server.ui.log.LogFormatter;
import org.natter.server.ui.log.LogViewModel;
import org.natter.server.ui.pending.PendingHostsViewModel;
import org.natter.server.ui.rooms.RoomsViewModel;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.settings.SettingsViewModel;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.users.UsersViewModel;

/**
 * The admin window's state: the server control, the log, the users, rooms and pending hosts tables, the status bar,
 * announcements and settings, each a view model of its feature package. Server callbacks reach it through an {@link EventPump}; everything else runs on the FX thread, and
 * every call into the server that may touch the network runs on the background executor.
 */
public final class AdminViewModel {

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Messages messages;
    private final LogFormatter formatter;
    private final EventPump pump;
    private final ServerControlViewModel control;
    private final LogViewModel log;
    private final UsersViewModel users;
    private final PendingHostsViewModel pending;
    private final RoomsViewModel rooms;
    private final BansViewModel bans;
    private final AuditViewModel audit;
    private final AnnounceTargets announceTargets;
    private final StatusViewModel status;
    private final SettingsViewModel settings;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringProperty announceText = new SimpleStringProperty(this, "announceText", "");
    private final ReadOnlyBooleanWrapper announcing = new ReadOnlyBooleanWrapper(this, "announcing");
    private final BooleanBinding canAnnounce;

    public AdminViewModel(ChatServer server, AdminPreferences preferences, Path dataDir, Executor fxExecutor,
                          Executor background, Clock clock, ZoneId zone, Messages messages) {
        this(server, preferences, dataDir, fxExecutor, background, clock, zone, messages, LogViewModel.DEFAULT_CAPACITY);
    }

    AdminViewModel(ChatServer server, AdminPreferences preferences, Path dataDir, Executor fxExecutor,
                   Executor background, Clock clock, ZoneId zone, Messages messages, int logCapacity) {
        this.server = server;
        // Everything the operator does from here on is the window's doing, as the audit trail records it.
        server.setAuditSource(AuditSource.WINDOW);
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        this.formatter = new LogFormatter(messages);
        this.control = new ServerControlViewModel(server, server.settings().port(), fxExecutor, background, messages);
        this.log = new LogViewModel(logCapacity, zone, background);
        this.users = new UsersViewModel(server, fxExecutor, background, messages, notice::set);
        this.pending = new PendingHostsViewModel(server, fxExecutor, background, clock, messages, notice::set);
        this.rooms = new RoomsViewModel(server, fxExecutor, background, messages, notice::set);
        this.bans = new BansViewModel(server, fxExecutor, background, messages, notice::set);
        this.audit = new AuditViewModel(server, fxExecutor, background, zone, messages, notice::set);
        users.setOnSanctionsChanged(bans::refresh);
        this.announceTargets = new AnnounceTargets(rooms.rooms(), messages);
        this.status = new StatusViewModel(clock, messages, users.users(), pending.hosts());
        this.settings = new SettingsViewModel(server, preferences, dataDir, fxExecutor, background);
        log.showJoinsAndLeavesProperty().bind(settings.showJoinsAndLeavesProperty());
        canAnnounce = Bindings.createBooleanBinding(
                () -> control.stateProperty().get() == ServerState.RUNNING && !announcing.get()
                        && !announceText.get().isBlank(),
                control.stateProperty(), announcing, announceText);
        this.pump = new EventPump(fxExecutor, this::onEvents, control::stateChanged);
        server.addListener(pump);
    }

    public ServerControlViewModel control() {
        return control;
    }

    public LogViewModel log() {
        return log;
    }

    public UsersViewModel users() {
        return users;
    }

    public PendingHostsViewModel pending() {
        return pending;
    }

    public RoomsViewModel rooms() {
        return rooms;
    }

    /** The operator's actions, newest first. */
    public AuditViewModel audit() {
        return audit;
    }

    /** The bans and mutes in force. */
    public BansViewModel bans() {
        return bans;
    }

    /** Who an announcement goes to: everyone, or one room. */
    public AnnounceTargets announceTargets() {
        return announceTargets;
    }

    public StatusViewModel status() {
        return status;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** The latest short message for the operator (status bar): a copied address, a failed kick, ... */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void showNotice(String text) {
        notice.set(text);
    }

    public StringProperty announceTextProperty() {
        return announceText;
    }

    public BooleanBinding canAnnounceProperty() {
        return canAnnounce;
    }

    /**
     * Sends the announcement text to every user, or to the members of the chosen room; completes on the FX thread
     * with how many it reached.
     */
    /** The Invite dialog's links: one per address users can reach the server at. FX thread. */
    public InviteViewModel invite() {
        return new InviteViewModel(control.addresses(), server.settings().serverName(), server.security().fingerprint());
    }

    /** "Can others reach me?", answered off the FX thread (it reads the interfaces and asks the firewall). */
    public CompletableFuture<List<Reachability.Advice>> checkReach() {
        String bind = server.settings().bindAddress();
        int port = server.port();
        return CompletableFuture.supplyAsync(() -> Reachability.check(bind, port), background);
    }

    public CompletableFuture<Integer> announce() {
        String text = announceText.get().strip();
        String room = announceTargets.room();
        var problem = Texts.problem(text);
        if (problem.isPresent()) {
            notice.set(problem.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        announcing.set(true);
        return CompletableFuture.supplyAsync(() -> server.announce(room, text), background)
                .whenCompleteAsync((recipients, failure) -> {
                    announcing.set(false);
                    if (failure != null) {
                        notice.set(messages.get("notice.announceFailed", Failures.reasonOf(failure)));
                    } else {
                        announceText.set("");
                        notice.set(room == null ? messages.get("notice.announced", recipients)
                                : messages.get("notice.announcedRoom", recipients, room));
                    }
                }, fxExecutor);
    }

    /** "Stop the server and disconnect 61 users?" while users are online; empty when stopping needs no asking. */
    public Optional<String> stopQuestion() {
        return control.stopQuestion(users.users().size());
    }

    /** What closing the window while the server runs does, with how many users it disconnects. */
    public String closeQuestion() {
        return messages.get("close.content", users.users().size());
    }

    /** True when closing the window should ask first. */
    public boolean isServing() {
        ServerState state = control.stateProperty().get();
        return state == ServerState.RUNNING || state == ServerState.STARTING;
    }

    /** Stops the server for good (window closing); completes on the FX thread. */
    public CompletableFuture<Void> shutdown() {
        return server.stopInBackground().whenCompleteAsync((ignored, failure) -> dispose(), fxExecutor);
    }

    /** Once a second from the view's timer: durations and the message rate. */
    public void tick() {
        pending.tick();
        status.tick();
        rooms.tick();
        bans.tick();
        audit.tick();
    }

    /** Stops listening to the server (the window is gone). */
    public void dispose() {
        server.removeListener(pump);
    }

    EventPump pump() {
        return pump;
    }

    private void onEvents(List<ServerEvent> batch) {
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.Started started) {
                control.started(started.port());
            }
        }
        users.apply(batch);
        rooms.apply(batch);
        bans.apply(batch);
        pending.apply(batch);
        status.apply(batch);
        log.append(formatter.format(batch));
    }
}
