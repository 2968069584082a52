package org.natter.server.ui.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.natter.common.fx.Messages;
import org.natter.server.core.ChatServer;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.ui.shared.Failures;

/**
 * The Audit tab: the operator's latest actions (kicks, bans, admissions, announcements, room and setting changes),
 * newest first, read from the server's store when the tab is shown and every few seconds; filtered by a text (in the
 * target or the reason) and by the kind of action; exported as CSV. FX thread only; the store is read on its own
 * thread and the file written on the background executor.
 */
public final class AuditViewModel {

    /** The entries read and shown at most. */
    public static final int LIMIT = 1_000;
    /** Ticks (seconds) between two readings. */
    static final int REFRESH_TICKS = 5;

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final ZoneId zone;
    private final Messages messages;
    private final Consumer<String> notices;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(entries);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<AuditAction> actionFilter = new SimpleObjectProperty<>(this, "actionFilter");
    private int ticks;

    public AuditViewModel(ChatServer server, Executor fxExecutor, Executor background, ZoneId zone, Messages messages,
                          Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.zone = zone;
        this.messages = messages;
        this.notices = notices;
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> matching(filterText.get(), actionFilter.get()), filterText, actionFilter));
    }

    /** The entries that pass the filters, newest first. */
    public ObservableList<AuditEntry> shown() {
        return shown;
    }

    /** Text that the target or the reason must contain (ignoring case); empty for all. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The one kind of action to show, or null for all. */
    public ObjectProperty<AuditAction> actionFilterProperty() {
        return actionFilter;
    }

    /** Every action, for the filter's choices. */
    public List<AuditAction> actions() {
        return List.of(AuditAction.values());
    }

    /** "Kick", "Room created", ...; "All actions" for null. */
    public String actionText(AuditAction action) {
        return messages.get(action == null ? "audit.action.all" : "audit.action." + action.name());
    }

    /** "Window", "Console", "Program". */
    public String sourceText(AuditEntry entry) {
        return messages.get("audit.source." + entry.source().name());
    }

    /** Once a second: every {@link #REFRESH_TICKS} seconds the latest entries. */
    public void tick() {
        if (++ticks % REFRESH_TICKS == 0) {
            refresh();
        }
    }

    /** Reads the latest entries; completes on the FX thread once they are shown. */
    public CompletableFuture<Void> refresh() {
        return server.auditTrail(LIMIT).thenAcceptAsync(latest -> {
            // Unchanged rows stay, and so does the selection.
            if (!latest.equals(entries)) {
                entries.setAll(latest);
            }
        }, fxExecutor);
    }

    /** Writes the entries shown (as filtered) to {@code file} as CSV; completes on the FX thread with their count. */
    public CompletableFuture<Integer> exportCsv(Path file) {
        List<AuditEntry> rows = List.copyOf(shown);
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.writeString(file, AuditCsv.of(rows, zone), StandardCharsets.UTF_8);
                return rows.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + " (is the folder there, and may you write in it?)", e);
            }
        }, background).whenCompleteAsync((count, failure) -> notices.accept(failure == null
                ? messages.get("audit.exported", count, file.getFileName().toString())
                : messages.get("audit.exportFailed", Failures.reasonOf(failure))), fxExecutor);
    }

    private static Predicate<AuditEntry> matching(String text, AuditAction action) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty() && action == null) {
            return null;
        }
        return entry -> (action == null || entry.action() == action) && (needle.isEmpty()
                || entry.target().toLowerCase(Locale.ROOT).contains(needle)
                || entry.reason().toLowerCase(Locale.ROOT).contains(needle));
    }
}
