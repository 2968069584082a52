package org.natter.client.net;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.TopicChanged;

/**
 * The {@code topic} requests waiting for their success. The server answers a refused one with an {@code error}
 * carrying its id, but a done one only with the {@code topic} frame every member gets, which carries no id; each
 * room's frames come in the order the server did the requests, so the first waiting request of that room is the
 * one a {@code topic} by this user answers.
 *
 * <p><b>Threads:</b> synchronized, and futures are completed outside the lock; callers add, the reader thread
 * completes. A request that failed meanwhile has left the queue.
 */
final class TopicWaiters {

    private final Map<String, Deque<CompletableFuture<ServerFrame>>> waiting = new HashMap<>();

    /** Any thread: {@code answer} is a topic request's reply future; it leaves the queue when it completes. */
    void add(String room, CompletableFuture<ServerFrame> answer) {
        String key = Names.key(room);
        synchronized (this) {
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(answer);
        }
        answer.whenComplete((reply, failure) -> discard(key, answer));
    }

    private synchronized void discard(String key, CompletableFuture<ServerFrame> answer) {
        Deque<CompletableFuture<ServerFrame>> queue = waiting.get(key);
        if (queue != null && queue.remove(answer) && queue.isEmpty()) {
            waiting.remove(key);
        }
    }

    /** Reader thread: completes the first waiting request for this room when {@code self} set the topic. */
    void changed(TopicChanged topic, String self) {
        if (topic.by() == null || self == null || !Names.key(topic.by()).equals(Names.key(self))) {
            return;
        }
        CompletableFuture<ServerFrame> first = null;
        synchronized (this) {
            Deque<CompletableFuture<ServerFrame>> queue = waiting.get(Names.key(topic.room()));
            while (queue != null && !queue.isEmpty() && first == null) {
                CompletableFuture<ServerFrame> next = queue.poll();
                first = next.isDone() ? null : next;
            }
        }
        if (first != null) {
            first.complete(topic);
        }
    }
}
