package org.natter.server.store;

/**
 * How long history is kept: for ever (both 0, the default), for {@code days}, or the last {@code perRoom}
 * messages of each room (direct conversations likewise). Expired messages are deleted in the background.
 */
public record Retention(int days, int perRoom) {

    public Retention {
        if (days < 0 || perRoom < 0) {
            throw new IllegalArgumentException("Retention cannot be negative.");
        }
    }

    public static Retention forever() {
        return new Retention(0, 0);
    }

    public boolean keepsEverything() {
        return days == 0 && perRoom == 0;
    }
}
