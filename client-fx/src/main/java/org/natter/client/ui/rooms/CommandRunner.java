package org.natter.client.ui.rooms;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.natter.client.ui.I18n;
import org.natter.client.ui.chat.ChatCommands;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.SendFailures;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.RoomSummary;

/**
 * Carries out what was typed ({@link ChatCommand}) against the connection and the sidebar: a line goes to the open
 * conversation (a room's say, or a direct message), commands join, part, message, set topics and list rooms; what
 * went wrong is a line in the open conversation, a message that was not sent its own unsent row.
 *
 * <p><b>Threads:</b> called on the FX thread; answers come back to it through the injected executor.
 */
public final class CommandRunner {

    private final ChatCommands commands;
    private final ConversationListViewModel conversations;
    private final Executor ui;
    private final Supplier<String> myName;
    private final BooleanSupplier loggedIn;

    public CommandRunner(ChatCommands commands, ConversationListViewModel conversations, Executor ui,
                         Supplier<String> myName, BooleanSupplier loggedIn) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.myName = myName;
        this.loggedIn = loggedIn;
    }

    public void run(ChatCommand command) {
        ConversationViewModel open = conversations.current();
        command.applyTo(new ChatCommand.Handler() {
            @Override
            public void say(String text) {
                CommandRunner.this.say(open, text);
            }

            @Override
            public void join(String room) {
                CommandRunner.this.join(room, true);
            }

            @Override
            public void part(String room) {
                CommandRunner.this.part(room == null ? open : conversations.find(ConversationKey.room(room)), room);
            }

            @Override
            public void msg(String user, String text) {
                ConversationViewModel direct = conversations.open(ConversationKey.direct(user));
                if (!text.isBlank()) {
                    CommandRunner.this.say(direct, text);
                }
            }

            @Override
            public void topic(String text) {
                CommandRunner.this.topic(open, text);
            }

            @Override
            public void rooms() {
                listRooms(open);
            }

            @Override
            public void help() {
                info(open, I18n.text("command.help"));
            }

            @Override
            public void invalid(String problem) {
                warn(open, problem);
            }
        });
    }

    /** Joins a room and, with {@code open}, opens its conversation once the server has let this user in. */
    public CompletableFuture<?> join(String room, boolean open) {
        ConversationViewModel from = conversations.current();
        return commands.join(room).whenCompleteAsync((state, failure) -> {
            if (failure == null && open) {
                conversations.open(ConversationKey.room(state.room()));
            } else if (failure == null) {
                conversations.roomJoined(state.room(), state.topic(), state.users());
            } else {
                warn(from, I18n.text("command.join.failed", room, SendFailures.reason(failure)));
            }
        }, ui);
    }

    /** Opens a direct conversation with {@code user} (a double-click, the user menu's Message); not with oneself. */
    public void message(String user) {
        if (!user.isEmpty() && !Names.key(user).equals(Names.key(myName.get()))) {
            conversations.open(ConversationKey.direct(user));
        }
    }

    /** Opens a room this user is in, or joins (or creates) it and opens it once the server has let this user in. */
    public void join(String room) {
        ConversationViewModel open = conversations.find(ConversationKey.room(room));
        if (open != null && open.joinedProperty().get()) {
            conversations.select(open);
        } else {
            join(room, true);
        }
    }

    /** Joins a room remembered from the last run, in the background: the open conversation stays open. */
    public void rejoin(String room) {
        if (conversations.find(ConversationKey.room(room)) == null) {
            join(room, false);
        }
    }

    /** A fresh view model for the join dialog. */
    public RoomDialogViewModel roomDialog() {
        return new RoomDialogViewModel(commands::listRooms, ui, conversations.joinedRooms());
    }

    /** Forgets an unsent message. */
    public void dismiss(ChatEntry unsent) {
        ConversationViewModel holder = conversations.holding(unsent);
        if (holder != null) {
            holder.lines().remove(unsent);
        }
    }

    /** Leaves a room (its conversation goes when the server confirms), or closes a direct conversation. */
    public void leave(ConversationViewModel conversation) {
        part(conversation, conversation == null ? null : conversation.key().name());
    }

    /** Sends an unsent message again, to the conversation it was written in. */
    public void retry(ChatEntry unsent) {
        ConversationViewModel conversation = conversations.holding(unsent);
        if (conversation == null) {
            return;
        }
        conversation.lines().remove(unsent);
        if (loggedIn.getAsBoolean()) {
            say(conversation, unsent.text());
        } else {
            conversation.append(List.of(ChatEntry.unsent(myName.get(), unsent.text(), I18n.text("unsent.offline"))));
        }
    }

    private void say(ConversationViewModel conversation, String text) {
        String to = conversation.key().name();
        CompletableFuture<?> sent = conversation.isRoom() ? commands.say(to, text) : commands.sayTo(to, text);
        sent.whenCompleteAsync((message, failure) -> {
            if (failure != null) {
                conversation.append(List.of(ChatEntry.unsent(myName.get(), text, SendFailures.whyNotSent(failure))));
            }
        }, ui);
    }

    private void part(ConversationViewModel conversation, String typed) {
        ConversationViewModel open = conversations.current();
        if (conversation == null) {
            warn(open, I18n.text("command.part.notIn", typed));
        } else if (!conversation.isRoom() || !conversation.joinedProperty().get()) {
            conversations.close(conversation);
        } else {
            commands.part(conversation.key().name()).whenCompleteAsync((parted, failure) -> {
                if (failure != null) {
                    warn(open, I18n.text("command.part.failed", conversation.label(), SendFailures.reason(failure)));
                }
            }, ui);
        }
    }

    private void topic(ConversationViewModel open, String text) {
        if (!open.isRoom()) {
            warn(open, I18n.text("command.topic.notRoom"));
        } else if (text.isEmpty()) {
            String topic = open.topicProperty().get();
            info(open, topic.isEmpty() ? I18n.text("command.topic.none", open.label())
                    : I18n.text("command.topic.is", open.label(), topic));
        } else {
            commands.setTopic(open.key().name(), text).whenCompleteAsync((changed, failure) -> {
                if (failure != null) {
                    warn(open, I18n.text("command.topic.failed", SendFailures.reason(failure)));
                }
            }, ui);
        }
    }

    private void listRooms(ConversationViewModel open) {
        commands.listRooms().whenCompleteAsync((rooms, failure) -> {
            if (failure != null) {
                warn(open, I18n.text("command.rooms.failed", SendFailures.reason(failure)));
                return;
            }
            String lines = rooms.stream().map(CommandRunner::describe).collect(Collectors.joining("\n"));
            info(open, I18n.text("command.rooms", rooms.size()) + "\n" + lines);
        }, ui);
    }

    static String describe(RoomSummary room) {
        String line = I18n.text("rooms.line", room.name(), room.users());
        return room.topic() == null || room.topic().isBlank() ? line : line + " \u2014 " + room.topic();
    }

    private static void info(ConversationViewModel conversation, String text) {
        conversation.append(List.of(ChatEntry.event(ChatEntry.Kind.EVENT, "", text, null)));
    }

    private static void warn(ConversationViewModel conversation, String text) {
        conversation.append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "", text, null)));
    }
}
