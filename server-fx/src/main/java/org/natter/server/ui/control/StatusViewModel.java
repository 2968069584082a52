package org.natter.server.ui.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.ui.shared.TimeFormats;

/** The status bar: users online, pending hosts, messages in the last minute, uptime. FX thread only. */
public final class StatusViewModel {

    private final Clock clock;
    private final Messages messages;
    private final StringBinding usersOnline;
    private final StringBinding pendingHosts;
    private final ReadOnlyStringWrapper messagesPerMinute = new ReadOnlyStringWrapper(this, "messagesPerMinute");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper(this, "uptime");
    private final long[] secondOfBucket = new long[60];
    private final long[] countOfBucket = new long[60];
    private Instant startedAt;

    public StatusViewModel(Clock clock, Messages messages, ObservableList<?> users, ObservableList<?> pending) {
        this.clock = clock;
        this.messages = messages;
        usersOnline = Bindings.createStringBinding(() -> messages.get("status.users", users.size()), users);
        pendingHosts = Bindings.createStringBinding(() -> messages.get("status.pending", pending.size()), pending);
        tick();
    }

    public StringBinding usersOnlineText() {
        return usersOnline;
    }

    public StringBinding pendingHostsText() {
        return pendingHosts;
    }

    public ReadOnlyStringProperty messagesPerMinuteProperty() {
        return messagesPerMinute.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public void apply(List<ServerEvent> batch) {
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.MessageSent) {
                count(event.at());
            } else if (event instanceof ServerEvent.Started) {
                startedAt = event.at();
            } else if (event instanceof ServerEvent.Stopped) {
                startedAt = null;
            }
        }
    }

    /** Once a second; the rate is counted per second over a sliding minute, so memory does not grow with it. */
    public void tick() {
        Instant now = clock.instant();
        messagesPerMinute.set(messages.get("status.rate", messagesInLastMinute(now)));
        uptime.set(startedAt == null ? messages.get("status.notRunning")
                : messages.get("status.uptime", TimeFormats.duration(Duration.between(startedAt, now))));
    }

    long messagesInLastMinute(Instant now) {
        long second = now.getEpochSecond();
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            if (secondOfBucket[i] > second - 60 && secondOfBucket[i] <= second) {
                sum += countOfBucket[i];
            }
        }
        return sum;
    }

    private void count(Instant at) {
        long second = at.getEpochSecond();
        int bucket = (int) Math.floorMod(second, 60L);
        if (secondOfBucket[bucket] != second) {
            secondOfBucket[bucket] = second;
            countOfBucket[bucket] = 0;
        }
        countOfBucket[bucket]++;
    }
}
