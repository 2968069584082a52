package org.natter.client.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/** A link with no socket: it records what is written and lets a test answer requests. */
final class FakeLink implements Link {

    final List<ClientFrame> written = new ArrayList<>();
    final Map<String, CompletableFuture<ServerFrame>> pending = new LinkedHashMap<>();
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private int ids;
    boolean closed;

    @Override
    public void write(ClientFrame frame) {
        written.add(frame);
    }

    @Override
    public CompletableFuture<ServerFrame> request(Function<String, ClientFrame> frame) {
        String id = "t" + ++ids;
        CompletableFuture<ServerFrame> answer = new CompletableFuture<>();
        pending.put(id, answer);
        write(frame.apply(id));
        return answer;
    }

    @Override
    public boolean answer(String re, ServerFrame frame) {
        CompletableFuture<ServerFrame> waiting = re == null ? null : pending.remove(re);
        return waiting != null && waiting.complete(frame);
    }

    @Override
    public CompletableFuture<Welcome> welcome() {
        return welcome;
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void closeAfterWrites() {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
