package org.natter.server.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.Names;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.RecentAudit;

/**
 * A store that keeps the last {@value #CAPACITY} messages of one run in memory: for a server started without a
 * data directory (tests, the demo). A message counts as committed as soon as it is appended.
 */
final class MemoryMessageStore implements MessageStore {

    static final int CAPACITY = 100_000;

    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final RecentAudit audit = new RecentAudit();

    @Override
    public void audit(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public CompletableFuture<List<AuditEntry>> auditTrail(int limit) {
        return CompletableFuture.completedFuture(audit.latest(limit));
    }

    @Override
    public long lastId() {
        synchronized (messages) {
            return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
        }
    }

    @Override
    public List<ChatMessage> recent(String room, int limit) {
        return select(m -> room.equals(m.room()), 0, 0, limit).messages();
    }

    @Override
    public List<String> roomsWithHistory() {
        synchronized (messages) {
            return messages.stream().map(ChatMessage::room).filter(r -> r != null).distinct().toList();
        }
    }

    @Override
    public boolean append(ChatMessage message) {
        synchronized (messages) {
            messages.add(message);
            if (messages.size() > CAPACITY) {
                messages.subList(0, messages.size() - CAPACITY).clear();
            }
        }
        listeners.forEach(listener -> listener.accept(message.id()));
        return true;
    }

    @Override
    public void onCommitted(LongConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<HistoryPage> page(Conversation conversation, long before, long after, int limit) {
        return CompletableFuture.completedFuture(select(matching(conversation), before, after, limit));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> search(String reader, List<String> rooms, String query,
                                                       Conversation only, int limit) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\s+"));
        Predicate<ChatMessage> readable = only != null ? matching(only)
                : m -> m.room() != null ? rooms.contains(m.room()) : reader.equals(m.from()) || reader.equals(m.to());
        Predicate<ChatMessage> found = m -> words.stream().allMatch(w -> m.text().toLowerCase(Locale.ROOT).contains(w));
        synchronized (messages) {
            return CompletableFuture.completedFuture(messages.stream().filter(readable.and(found))
                    .sorted(Comparator.comparingLong(ChatMessage::id).reversed()).limit(limit).toList());
        }
    }

    @Override
    public CompletableFuture<Integer> export(String room, Consumer<ChatMessage> each) {
        List<ChatMessage> all = select(m -> room.equals(m.room()), 0, 0, Integer.MAX_VALUE - 1).messages();
        all.forEach(each);
        return CompletableFuture.completedFuture(all.size());
    }

    @Override
    public CompletableFuture<Integer> clear(String room) {
        synchronized (messages) {
            int before = messages.size();
            messages.removeIf(m -> room.equals(m.room()));
            return CompletableFuture.completedFuture(before - messages.size());
        }
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    static Predicate<ChatMessage> matching(Conversation conversation) {
        if (!conversation.isDirect()) {
            return m -> conversation.room().equals(m.room());
        }
        String a = Names.key(conversation.user());
        String b = Names.key(conversation.with());
        return m -> m.isDirect() && (a.equals(Names.key(m.from())) && b.equals(Names.key(m.to()))
                || b.equals(Names.key(m.from())) && a.equals(Names.key(m.to())));
    }

    /** Oldest first: the newest {@code limit} below {@code before}, or the oldest {@code limit} above {@code after}. */
    private HistoryPage select(Predicate<ChatMessage> which, long before, long after, int limit) {
        synchronized (messages) {
            List<ChatMessage> candidates = messages.stream()
                    .filter(which)
                    .filter(m -> before <= 0 || m.id() < before)
                    .filter(m -> after <= 0 || m.id() > after)
                    .toList();
            if (after > 0) {
                List<ChatMessage> page = candidates.subList(0, Math.min(limit, candidates.size()));
                return new HistoryPage(new ArrayList<>(page), candidates.size() <= limit);
            }
            int from = Math.max(0, candidates.size() - limit);
            return new HistoryPage(new ArrayList<>(candidates.subList(from, candidates.size())), from == 0);
        }
    }
}
