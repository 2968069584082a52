package org.natter.client.net;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.natter.client.net.MessageLedger.Ticket;
import org.natter.common.protocol.History;
import org.natter.common.protocol.HistoryRequest;
import org.natter.common.protocol.ProtocolLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an automatic reconnection, asks the server for what each conversation missed: {@code history} with
 * {@code after} = the last message delivered, page after page until {@code complete}, handing each page to the
 * {@link MessageLedger}, which delivers in id order and once. A room is asked for once it is joined again (the
 * server refuses the history of a room one is not in); {@code general} and the direct conversations at once. A
 * conversation in which nothing was delivered yet is read backwards from its newest message instead.
 *
 * <p><b>Threads:</b> {@link #begin} and {@link #rejoined} run on the reader thread; pages are asked for from the
 * thread their answer completes on (the reader, or a timeout). The tickets waiting for their room are guarded by
 * this object.
 */
final class CatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final MessageLedger ledger;
    private final ConnectionSettings settings;
    /** Rooms' tickets until the room is joined again, by {@link Conversation#key()}. */
    private final Map<String, Ticket> waitingForRoom = new HashMap<>();

    CatchUp(MessageLedger ledger, ConnectionSettings settings) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Logged in again on {@code link}; {@code rejoining} are the rooms whose joins are about to be sent. */
    void begin(Link link, List<String> rejoining) {
        Set<String> rejoin = rejoining.stream().map(room -> Conversation.room(room).key()).collect(Collectors.toSet());
        Set<String> keep = new HashSet<>(rejoin);
        keep.add(Conversation.room(ProtocolLimits.GENERAL_ROOM).key());
        List<Ticket> tickets = ledger.beginCatchUp(keep);
        synchronized (this) {
            waitingForRoom.clear();
            tickets.stream().filter(t -> rejoin.contains(t.conversation().key()))
                    .forEach(t -> waitingForRoom.put(t.conversation().key(), t));
        }
        tickets.stream().filter(t -> !rejoin.contains(t.conversation().key())).forEach(t -> ask(link, t, t.after(), 0));
    }

    /** A room was joined again ({@code joined}), or its join was refused: its catch-up starts, or it is forgotten. */
    void rejoined(Link link, String room, boolean joined) {
        Ticket ticket;
        synchronized (this) {
            ticket = waitingForRoom.remove(Conversation.room(room).key());
        }
        if (ticket == null) {
            return;
        }
        if (joined) {
            ask(link, ticket, ticket.after(), 0);
        } else {
            ledger.forget(ticket.conversation());
        }
    }

    /** Forward from {@code after} when it is set, otherwise backward from {@code before} (0: the newest). */
    private void ask(Link link, Ticket ticket, long after, long before) {
        Conversation conversation = ticket.conversation();
        Replies.expect(link.request(id -> new HistoryRequest(id, conversation.room(), conversation.with(),
                        before > 0 ? before : null, after > 0 ? after : null, ProtocolLimits.MAX_HISTORY_PAGE)),
                        History.class, settings.replyTimeout())
                .whenComplete((page, failure) -> {
                    if (failure != null) {
                        failed(ticket, failure);
                        return;
                    }
                    ledger.caughtUpTo(ticket, page.messages());
                    if (page.complete() || page.messages().isEmpty()) {
                        ledger.finish(ticket);
                    } else if (after > 0) {
                        ask(link, ticket, page.messages().get(page.messages().size() - 1).id(), 0);
                    } else {
                        ask(link, ticket, 0, page.messages().get(0).id());
                    }
                });
    }

    /**
     * A lost connection delivers nothing: the next login asks again from the same message. Otherwise (the server
     * could not read its history, or did not answer) what came is delivered and the gap is logged.
     */
    private void failed(Ticket ticket, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ConnectionFailure lost
                && (lost.kind() == ConnectionFailure.Kind.LOST || lost.kind() == ConnectionFailure.Kind.CLOSED)) {
            LOG.debug("Catching up {} stopped: {}", ticket.conversation(), cause.toString());
            return;
        }
        LOG.warn("Catching up {} failed; messages may be missing: {}", ticket.conversation(), cause.toString());
        ledger.finish(ticket);
    }
}
