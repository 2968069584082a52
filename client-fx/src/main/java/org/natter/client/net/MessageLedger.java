package org.natter.client.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.ProtocolLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the listeners get passes through here, so that each is delivered once and in order: per
 * {@link Conversation} it remembers the last message delivered and drops any message at or below it (the replay
 * after a join and the catch-up after a reconnection overlap with each other and with the live stream). While a
 * conversation is catching up, everything that arrives for it is held and then delivered in id order.
 *
 * <p>Why the time stamp too: a server that keeps no history (no data directory) numbers its messages from 1 again
 * after a restart. A message at or below the last id but said after the last one delivered is such a message, not a
 * repeat; it is delivered and the conversation counts from it.
 *
 * <p><b>Threads:</b> every method is synchronized; frames come from the reader thread, catch-up pages from the reader
 * thread or a timeout. Listener events are enqueued while the lock is held, so they keep the order of the decisions.
 */
final class MessageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLedger.class);

    /** A catch-up of one conversation in one run; stale once a newer run begins. */
    record Ticket(int run, Conversation conversation, long after) {
    }

    private static final class Entry {
        final Conversation conversation;
        long last;
        Instant lastTs;
        /** Held while catching up, by id; null when not catching up. */
        TreeMap<Long, Message> held;

        Entry(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    private final ListenerDispatch events;
    private final Map<String, Entry> entries = new HashMap<>();
    private int run;

    MessageLedger(ListenerDispatch events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A live message (or this user's own copy). */
    synchronized void message(Message message, String self) {
        Conversation conversation = Conversation.of(message, self);
        Entry entry = entries.computeIfAbsent(conversation.key(), key -> new Entry(conversation));
        if (entry.held != null) {
            entry.held.put(message.id(), message);
        } else if (accept(entry, message)) {
            events.dispatch(listener -> listener.onMessage(message));
        }
    }

    /**
     * The server's replay after {@code room}: delivered as history the first time; when the conversation is known,
     * only what is newer than the last delivered counts, as live messages (or is held while catching up).
     */
    synchronized void replay(History history) {
        Conversation conversation = history.with() != null ? Conversation.direct(history.with())
                : Conversation.room(history.room() == null ? ProtocolLimits.GENERAL_ROOM : history.room());
        Entry entry = entries.get(conversation.key());
        if (entry == null) {
            Entry fresh = new Entry(conversation);
            entries.put(conversation.key(), fresh);
            List<Message> messages = history.messages().stream().filter(m -> accept(fresh, m)).toList();
            events.dispatch(listener -> listener.onHistory(conversation, messages, history.complete()));
        } else if (entry.held != null) {
            history.messages().forEach(m -> entry.held.put(m.id(), m));
        } else {
            for (Message message : history.messages()) {
                if (accept(entry, message)) {
                    events.dispatch(listener -> listener.onMessage(message));
                }
            }
        }
    }

    /**
     * Logged in again after a drop: every known conversation starts catching up, except rooms that will not be
     * joined again ({@code general} and {@code rejoining} are), which are forgotten. Earlier runs become stale.
     *
     * @return a ticket for each conversation to catch up, to be asked for once its room is joined again
     */
    synchronized List<Ticket> beginCatchUp(Set<String> roomKeys) {
        run++;
        List<Ticket> tickets = new ArrayList<>();
        entries.values().removeIf(entry -> !entry.conversation.isDirect()
                && !roomKeys.contains(entry.conversation.key()));
        for (Entry entry : entries.values()) {
            entry.held = new TreeMap<>();
            tickets.add(new Ticket(run, entry.conversation, entry.last));
        }
        return tickets;
    }

    /** A page of a catch-up; ignored when stale. */
    synchronized void caughtUpTo(Ticket ticket, List<Message> page) {
        Entry entry = current(ticket);
        if (entry != null) {
            page.forEach(m -> entry.held.put(m.id(), m));
        }
    }

    /** The catch-up is over (or has failed): what is held is delivered in id order, then {@code onCaughtUp}. */
    synchronized void finish(Ticket ticket) {
        Entry entry = current(ticket);
        if (entry == null) {
            return;
        }
        int count = 0;
        for (Message message : entry.held.values()) {
            if (accept(entry, message)) {
                count++;
                events.dispatch(listener -> listener.onMessage(message));
            }
        }
        entry.held = null;
        int delivered = count;
        events.dispatch(listener -> listener.onCaughtUp(ticket.conversation(), delivered));
    }

    /** A room was left (or could not be joined again): nothing of it is remembered, a later join starts afresh. */
    synchronized void forget(Conversation conversation) {
        entries.remove(conversation.key());
    }

    /** A new session: nothing is remembered. */
    synchronized void forgetAll() {
        run++;
        entries.clear();
    }

    /** The id of the last message delivered in this conversation, 0 for none. */
    synchronized long lastDelivered(Conversation conversation) {
        Entry entry = entries.get(conversation.key());
        return entry == null ? 0 : entry.last;
    }

    private Entry current(Ticket ticket) {
        Entry entry = entries.get(ticket.conversation().key());
        return ticket.run() == run && entry != null && entry.held != null ? entry : null;
    }

    private static boolean accept(Entry entry, Message message) {
        boolean newer = message.id() > entry.last;
        boolean renumbered = !newer && entry.lastTs != null && message.ts() != null && message.ts().isAfter(entry.lastTs);
        if (!newer && !renumbered) {
            return false;
        }
        if (renumbered) {
            LOG.info("{}: message {} is newer than {} but has a lower id; the server numbers afresh",
                    entry.conversation, message.id(), entry.last);
        }
        entry.last = message.id();
        entry.lastTs = message.ts();
        return true;
    }
}
