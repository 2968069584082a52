package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.ui.I18n;
import org.natter.client.ui.rooms.ConversationListViewModel;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;

/**
 * Scrolling back: the page of a conversation's history before its oldest message shown goes in above it, one page at
 * a time per conversation, until the server says there is nothing older ("Beginning of the conversation").
 *
 * <p><b>Threads:</b> the FX thread; pages come back to it through the injected executor.
 */
final class Scrollback {

    static final int PAGE = 100;

    private final ChatCommands commands;
    private final ConversationListViewModel conversations;
    private final Executor ui;
    private final Supplier<String> myName;
    // By identity: a room left and joined again is a new conversation with its own past to read.
    private final Set<ConversationViewModel> loading = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<ConversationViewModel> finished = Collections.newSetFromMap(new WeakHashMap<>());

    Scrollback(ChatCommands commands, ConversationListViewModel conversations, Executor ui, Supplier<String> myName) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.myName = Objects.requireNonNull(myName, "myName");
    }

    /** Asks for the open conversation's previous page, unless one is on its way or nothing older exists. */
    void loadOlder() {
        ConversationViewModel conversation = conversations.current();
        if (conversation == null || loading.contains(conversation) || finished.contains(conversation)) {
            return;
        }
        long oldest = conversation.lines().oldestId();
        loading.add(conversation);
        commands.page(MessageEntries.conversation(conversation.key()), oldest == 0 ? null : oldest, PAGE)
                .whenCompleteAsync((page, failure) -> arrived(conversation, page, failure), ui);
    }

    /**
     * Brings a message of a conversation into its lines, for a search result: when it is older than every line
     * shown, the messages from it up to the oldest shown come in above, in one page of at most
     * {@value ProtocolLimits#MAX_HISTORY_PAGE} (no gap is left between them and the lines). Completes on the FX
     * thread with the message's line, or empty when it is further back than one page or the pane's cap allows.
     */
    CompletableFuture<Optional<ChatEntry>> reach(ConversationViewModel conversation, long id) {
        Optional<ChatEntry> shown = line(conversation, id);
        long oldest = conversation.lines().oldestId();
        if (shown.isPresent() || oldest != 0 && oldest <= id) {
            return CompletableFuture.completedFuture(shown);
        }
        CompletableFuture<Optional<ChatEntry>> reached = new CompletableFuture<>();
        commands.pageBetween(MessageEntries.conversation(conversation.key()), oldest == 0 ? null : oldest,
                        id > 1 ? id - 1 : null, ProtocolLimits.MAX_HISTORY_PAGE)
                .whenCompleteAsync((page, failure) -> {
                    if (failure != null) {
                        reached.completeExceptionally(failure);
                        return;
                    }
                    if (page.complete()) {
                        fillGap(conversation, page.messages());
                    }
                    reached.complete(line(conversation, id));
                }, ui);
        return reached;
    }

    private void fillGap(ConversationViewModel conversation, List<Message> messages) {
        // Lines may have come in above meanwhile (a scrollback page): keep only what is older than all of them.
        long floor = conversation.lines().oldestId();
        String name = myName.get();
        Mentions mentions = Mentions.of(name);
        List<ChatEntry> older = new ArrayList<>();
        for (Message message : messages) {
            if (floor == 0 || message.id() < floor) {
                older.add(MessageEntries.entry(message, Names.key(name), mentions));
            }
        }
        conversation.lines().prepend(older);
    }

    private static Optional<ChatEntry> line(ConversationViewModel conversation, long id) {
        return conversation.lines().all().stream().filter(entry -> entry.id() == id && entry.isMessage()).findFirst();
    }

    private void arrived(ConversationViewModel conversation, History page, Throwable failure) {
        loading.remove(conversation);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ConnectionFailure connection && connection.kind() == ConnectionFailure.Kind.NOT_LOGGED_IN) {
                // Offline for now: the next touch of the top, once logged in again, tries again.
                return;
            }
            // Said once: trying again at every touch of the top would repeat it.
            finished.add(conversation);
            if (cause instanceof ConnectionFailure) {
                conversation.lines().append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "",
                        I18n.text("history.failed", cause.getMessage()), null)));
            }
            return;
        }
        // Live messages may have come in meanwhile: keep only what is older than every message shown.
        long floor = conversation.lines().oldestId();
        String name = myName.get();
        Mentions mentions = Mentions.of(name);
        List<ChatEntry> older = new ArrayList<>();
        if (page.complete()) {
            older.add(ChatEntry.divider(I18n.text("history.beginning")));
        }
        for (Message message : page.messages()) {
            if (floor == 0 || message.id() < floor) {
                older.add(MessageEntries.entry(message, Names.key(name), mentions));
            }
        }
        int added = conversation.lines().prepend(older);
        if (page.complete() || added < older.size() || added == 0) {
            finished.add(conversation);
        }
    }
}
