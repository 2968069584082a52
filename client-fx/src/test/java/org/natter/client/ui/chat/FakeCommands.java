package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.natter.client.net.Conversation;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Message;
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

    /** "#room: words limit N" for each search; the answers wait in {@link #searches}. */
    public final List<String> searchRequests = new CopyOnWriteArrayList<>();
    public final List<CompletableFuture<List<Message>>> searches = new CopyOnWriteArrayList<>();
    /** "#room before ID after ID limit N" for each page between two ids; the answers wait in {@link #gaps}. */
    public final List<String> gapRequests = new CopyOnWriteArrayList<>();
    public final List<CompletableFuture<History>> gaps = new CopyOnWriteArrayList<>();

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
    public CompletableFuture<History> pageBetween(Conversation conversation, Long before, Long after, int limit) {
        gapRequests.add(conversation + " before " + before + " after " + after + " limit " + limit);
        CompletableFuture<History> page = new CompletableFuture<>();
        gaps.add(page);
        return page;
    }

    @Override
    public CompletableFuture<List<Message>> search(String text, Conversation only, int limit) {
        searchRequests.add(only + ": " + text + " limit " + limit);
        CompletableFuture<List<Message>> answer = new CompletableFuture<>();
        searches.add(answer);
        return answer;
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
