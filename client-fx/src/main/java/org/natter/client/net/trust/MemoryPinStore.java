package org.natter.client.net.trust;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.natter.client.net.ServerAddress;

/** Pins kept for the life of the program only (bots, tests, the demo). */
public final class MemoryPinStore implements PinStore {

    private final Map<String, String> pins = new ConcurrentHashMap<>();

    @Override
    public Optional<String> pinned(ServerAddress address) {
        return Optional.ofNullable(pins.get(PinStore.key(address)));
    }

    @Override
    public void pin(ServerAddress address, String fingerprint) {
        pins.put(PinStore.key(address), fingerprint);
    }
}
