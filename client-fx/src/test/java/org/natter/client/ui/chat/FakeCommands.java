package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.natter.client.net.Conversation;
import org.natter.common.protocol.History;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;

/** Records what the view model asks of the connection; answers at once, or with {@link #failNext}. */
public final class FakeCommands implements ChatCommands {

    /** "room:text" for a room message, "@user:text" for a direct one. */
    public final List<String> said = new ArrayList<>();
    public final List<String> requests = new ArrayList<>();
    public List<RoomSummary> rooms = List.of();
    public int leaves;
    public int retries;
    public Throwable failNext;
    /** "#room before ID limit N" for each history page asked; the answers wait in {@link #pages}. */
    public final List<String> pageRequests = new CopyOnWriteArrayList<>();
    public final List<CompletableFuture<History>> pages = new CopyOnWriteArrayList<>();

    /** Just the texts, wherever they went. */
    public List<String> sent() {
        return said.stream().map(line -> line.substring(line.indexOf(':') + 1)).toList();
    }

    @Override
    public CompletableFuture<History> page(Conversation conversation, Long before, int limit) {
        pageRequests.add(conversation + " before " + before + " limit " + limit);
        CompletableFuture<History> page = new CompletableFuture<>();
        pages.add(page);
        return page;
    }

    @Override
    public void retryNow() {
        retries++;
    }

    @Override
    public CompletableFuture<?> say(String room, String text) {
        said.add(room + ":" + text);
        return answer(null);
    }

    @Override
    public CompletableFuture<?> sayTo(String user, String text) {
        said.add("@" + user + ":" + text);
        return answer(null);
    }

    @Override
    public CompletableFuture<RoomState> join(String room) {
        requests.add("join " + room);
        return answer(new RoomState("r", room, null, List.of("anna")));
    }

    @Override
    public CompletableFuture<?> part(String room) {
        requests.add("part " + room);
        return answer(null);
    }

    @Override
    public CompletableFuture<List<RoomSummary>> listRooms() {
        requests.add("rooms");
        return answer(rooms);
    }

    @Override
    public CompletableFuture<?> setTopic(String room, String text) {
        requests.add("topic " + room + " " + text);
        return answer(null);
    }

    @Override
    public CompletableFuture<?> leave() {
        leaves++;
        return CompletableFuture.completedFuture(null);
    }

    private <T> CompletableFuture<T> answer(T value) {
        Throwable failure = failNext;
        failNext = null;
        return failure == null ? CompletableFuture.completedFuture(value) : CompletableFuture.failedFuture(failure);
    }
}
