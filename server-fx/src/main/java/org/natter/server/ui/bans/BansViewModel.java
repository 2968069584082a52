package org.natter.server.ui.bans;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.shared.Failures;

/**
 * The Bans table: the bans (of names, addresses and ranges) and mutes in force, read from the server. The server
 * reports no events for them, so the list is read again after each change made here, when the server starts, when
 * the tab is shown and every few seconds (bans end by themselves). Every call into the server runs on the
 * background executor; results come back on the FX executor. FX thread only.
 */
public final class BansViewModel {

    /** Ticks (seconds) between two readings of the list. */
    static final int REFRESH_TICKS = 5;

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Messages messages;
    private final Consumer<String> notices;
    private final ObservableList<Sanction> sanctions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int ticks;

    public BansViewModel(ChatServer server, Executor fxExecutor, Executor background, Messages messages,
                         Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        this.notices = notices;
    }

    /** The bans and mutes in force, oldest first (the table sorts). */
    public ObservableList<Sanction> sanctions() {
        return sanctions;
    }

    /** True while an unban is on its way; Unban is disabled meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the list again when the server starts (a ban may have ended while it was stopped). */
    public void apply(List<ServerEvent> batch) {
        if (batch.stream().anyMatch(ServerEvent.Started.class::isInstance)) {
            refresh();
        }
    }

    /** Once a second: every {@link #REFRESH_TICKS} seconds the list, so ended bans go. */
    public void tick() {
        if (++ticks % REFRESH_TICKS == 0) {
            try {
                refresh();
            } catch (RejectedExecutionException e) {
                // The window is closing and its background executor is gone; there is nothing left to show.
            }
        }
    }

    /** Reads the bans and mutes from the server; completes on the FX thread once shown. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(server::sanctions, background).thenAcceptAsync(list -> {
            // Unchanged rows stay, and so does the selection.
            if (!list.equals(sanctions)) {
                sanctions.setAll(list);
            }
        }, fxExecutor);
    }

    /** Lifts the bans and mutes (unban, unmute); completes on the FX thread with how many were lifted. */
    public CompletableFuture<Integer> lift(List<Sanction> chosen) {
        List<Sanction> lifting = List.copyOf(chosen);
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> (int) lifting.stream().filter(sanction ->
                sanction.kind() == Sanction.Kind.MUTE ? server.unmute(sanction.target())
                        : server.unban(sanction.target())).count(), background)
                .whenCompleteAsync((lifted, failure) -> {
                    busy.set(false);
                    notices.accept(failure == null ? messages.get("bans.lifted", lifted)
                            : messages.get("bans.liftFailed", Failures.reasonOf(failure)));
                    refresh();
                }, fxExecutor);
    }

    /** A form for a new ban of a name, an address or a range; its {@code ban} calls the server. */
    public AddBanViewModel newBanForm() {
        return new AddBanViewModel(server::ban, fxExecutor, background, messages, ban -> {
            notices.accept(messages.get("bans.added", ban.target()));
            refresh();
        });
    }

    /** "Name ban", "Address ban", "Mute". */
    public String kindText(Sanction.Kind kind) {
        return messages.get("bans.kind." + kind.name());
    }
}
