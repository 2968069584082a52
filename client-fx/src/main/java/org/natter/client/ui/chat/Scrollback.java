package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
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
