package org.natter.server.core;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.natter.common.protocol.Names;
import org.natter.server.core.moderation.AddressRange;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.core.moderation.Sanctions;

/**
 * The server's bans and mutes: kept in the store, so they survive restarts, and ending by themselves. Lives as long
 * as its {@link ChatServer} (across stops and starts). Thread-safe: read from I/O threads and the sequencer,
 * changed by the operator's API.
 */
final class Moderation {

    private final Sanctions sanctions;
    private final MessageStore store;
    private final Clock clock;

    Moderation(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.sanctions = new Sanctions(store.loadSanctions());
    }

    Instant now() {
        return clock.instant();
    }

    Optional<Sanction> banOf(InetAddress address) {
        return sanctions.banOf(address, now());
    }

    Optional<Sanction> banOf(String name) {
        return sanctions.banOf(name, now());
    }

    Optional<Sanction> muteOf(String name) {
        return sanctions.muteOf(name, now());
    }

    /**
     * Bans a name, or an address or CIDR range (whichever {@code target} is).
     *
     * @param duration {@code null} for good
     * @throws IllegalArgumentException for a target that is neither a valid name nor an address range
     */
    Sanction ban(String target, Duration duration, String reason) {
        Optional<AddressRange> range = AddressRange.parse(target);
        if (range.isEmpty()) {
            Names.problem(target).ifPresent(problem -> {
                throw new IllegalArgumentException("Ban a name, an address or a range such as 192.168.1.0/24. " + problem);
            });
        }
        Sanction.Kind kind = range.isPresent() ? Sanction.Kind.ADDRESS_BAN : Sanction.Kind.NAME_BAN;
        return put(kind, range.map(AddressRange::toString).orElse(Names.normalize(target)), duration, reason);
    }

    Sanction mute(String name, Duration duration, String reason) {
        Names.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return put(Sanction.Kind.MUTE, Names.normalize(name), duration, reason);
    }

    /** @return false when there was no such ban */
    boolean unban(String target) {
        Optional<AddressRange> range = AddressRange.parse(target);
        Sanction.Kind kind = range.isPresent() ? Sanction.Kind.ADDRESS_BAN : Sanction.Kind.NAME_BAN;
        return remove(kind, range.map(AddressRange::toString).orElse(target));
    }

    boolean unmute(String name) {
        return remove(Sanction.Kind.MUTE, name);
    }

    List<Sanction> active() {
        return sanctions.active(now());
    }

    private Sanction put(Sanction.Kind kind, String target, Duration duration, String reason) {
        Instant now = now();
        Sanction sanction = new Sanction(kind, target, duration == null ? null : now.plus(duration),
                KickReasons.clean(reason), now);
        sanctions.put(sanction);
        store.saveSanction(sanction);
        return sanction;
    }

    private boolean remove(Sanction.Kind kind, String target) {
        Optional<Sanction> removed = sanctions.remove(kind, target);
        removed.ifPresent(s -> store.deleteSanction(kind, s.target()));
        return removed.isPresent();
    }
}
