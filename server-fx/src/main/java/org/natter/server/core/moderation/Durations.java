package org.natter.server.core.moderation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Durations as operators write them: {@code 10m}, {@code 1h}, {@code 1d}, {@code 1w}, {@code forever}. */
public final class Durations {

    private Durations() {
    }

    /** The duration {@code text} names, or empty when it is not one of the forms above. */
    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("forever")) {
            return Optional.of(new Parsed(null));
        }
        if (t.length() < 2) {
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (amount < 1 || amount > 100_000) {
            return Optional.empty();
        }
        return switch (t.charAt(t.length() - 1)) {
            case 'm' -> Optional.of(new Parsed(Duration.ofMinutes(amount)));
            case 'h' -> Optional.of(new Parsed(Duration.ofHours(amount)));
            case 'd' -> Optional.of(new Parsed(Duration.ofDays(amount)));
            case 'w' -> Optional.of(new Parsed(Duration.ofDays(7 * amount)));
            default -> Optional.empty();
        };
    }

    /** A parsed duration; {@code duration} is null for ever. */
    public record Parsed(Duration duration) {
    }
}
