package org.natter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends at a fixed total rate from several connections. Each message carries the time it was meant to leave, not
 * the time it did: if the tool or the server falls behind, the delay shows in the latency instead of vanishing
 * (the "coordinated omission" a closed-loop tool suffers). Each sender ticks every millisecond on its own I/O
 * thread, writes what is due and flushes once.
 */
final class Senders {

    private static final long TICK_MICROS = 1_000;

    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

    /**
     * Starts sending; messages are due from {@code startNanos} until {@code endNanos}.
     *
     * @param room the room, or null for general
     */
    Senders(List<BenchConnection> senders, int ratePerSecond, String room, long startNanos, long endNanos, DeliveryStats stats) {
        double interval = 1e9 * senders.size() / ratePerSecond;
        String prefix = "{\"type\":\"say\"" + (room == null ? "" : ",\"room\":\"" + room + "\"") + ",\"text\":\"" + BenchConnection.TEXT_PREFIX;
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < senders.size(); i++) {
            Channel channel = senders.get(i).channel();
            // Staggered, so the senders together send evenly rather than in bursts of one per sender.
            double offset = interval * i / senders.size();
            long[] next = {0};
            Runnable tick = () -> {
                long now = System.nanoTime();
                boolean wrote = false;
                while (true) {
                    long due = startNanos + (long) (offset + interval * next[0]);
                    if (due > now || due >= endNanos) {
                        break;
                    }
                    next[0]++;
                    ByteBuf say = channel.alloc().buffer(head.length + 20 + tail.length);
                    say.writeBytes(head).writeCharSequence(Long.toString(due - BenchConnection.CLOCK_ORIGIN), StandardCharsets.US_ASCII);
                    say.writeBytes(tail);
                    channel.write(say, channel.voidPromise());
                    stats.sent(due);
                    wrote = true;
                }
                if (wrote) {
                    channel.flush();
                }
            };
            ticks.add(channel.eventLoop().scheduleAtFixedRate(tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS));
        }
    }

    void stop() {
        ticks.forEach(tick -> tick.cancel(false));
    }
}
