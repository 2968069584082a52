package org.natter.server.core.moderation;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.natter.common.protocol.Names;

/**
 * The bans and mutes in force. Read at every connect (I/O threads), login and message (the sequencer); changed
 * rarely, by the operator: a copy-on-write list, so reads take no lock. Expired ones are skipped and pruned.
 */
public final class Sanctions {

    private final List<Sanction> all = new CopyOnWriteArrayList<>();

    public Sanctions(List<Sanction> loaded) {
        all.addAll(loaded);
    }

    public Optional<Sanction> banOf(InetAddress address, Instant now) {
        return all.stream()
                .filter(s -> s.kind() == Sanction.Kind.ADDRESS_BAN && s.activeAt(now))
                .filter(s -> AddressRange.parse(s.target()).map(r -> r.contains(address)).orElse(false))
                .findFirst();
    }

    public Optional<Sanction> banOf(String name, Instant now) {
        return find(Sanction.Kind.NAME_BAN, name, now);
    }

    public Optional<Sanction> muteOf(String name, Instant now) {
        return find(Sanction.Kind.MUTE, name, now);
    }

    /** Adds one, replacing an earlier one of the same kind and target. */
    public void put(Sanction sanction) {
        remove(sanction.kind(), sanction.target());
        all.add(sanction);
    }

    /** @return the one removed, if there was one */
    public Optional<Sanction> remove(Sanction.Kind kind, String target) {
        Optional<Sanction> found = all.stream().filter(s -> s.kind() == kind && sameTarget(s, target)).findFirst();
        found.ifPresent(all::remove);
        return found;
    }

    /** Those in force, oldest first; expired ones are dropped from memory. */
    public List<Sanction> active(Instant now) {
        all.removeIf(s -> !s.activeAt(now));
        return List.copyOf(all);
    }

    private Optional<Sanction> find(Sanction.Kind kind, String name, Instant now) {
        return all.stream().filter(s -> s.kind() == kind && s.activeAt(now) && sameTarget(s, name)).findFirst();
    }

    private static boolean sameTarget(Sanction s, String target) {
        return s.kind() == Sanction.Kind.ADDRESS_BAN ? s.target().equals(target)
                : Names.key(Names.normalize(s.target())).equals(Names.key(Names.normalize(target)));
    }
}
