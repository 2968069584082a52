package org.natter.server.core;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The frames of one connection that wait instead of being handled as they come, and why they wait. Two reasons:
 * <ul>
 *   <li>a password is being checked: frames pipelined behind the {@code login} are handled after it, in the order
 *       they came, so that a {@code say} right behind it is not refused as "not logged in" (at most
 *       {@link #MAX_WHILE_CHECKING}; more are dropped, and the flood limit stops them sooner);</li>
 *   <li>the server's backlog holds this sender back ({@code DeliveryBacklog}): its reading is off, and the rest of
 *       the last read waits here (at most one read) until the backlog is down.</li>
 * </ul>
 * Owned by the connection's I/O thread; no locking.
 */
final class HeldBackFrames {

    /** Frames held back during one password check at most. */
    static final int MAX_WHILE_CHECKING = 100;

    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean checkingPassword;
    private boolean pausedForBacklog;

    /** True when {@code frame} must wait; it is then kept (or, past the limit of a password check, dropped). */
    boolean holds(Object frame) {
        if (pausedForBacklog) {
            waiting.addLast(frame);
            return true;
        }
        if (checkingPassword) {
            if (waiting.size() < MAX_WHILE_CHECKING) {
                waiting.addLast(frame);
            }
            return true;
        }
        return false;
    }

    void passwordCheckStarted() {
        checkingPassword = true;
    }

    void passwordCheckEnded() {
        checkingPassword = false;
    }

    boolean pausedForBacklog() {
        return pausedForBacklog;
    }

    void pauseForBacklog() {
        pausedForBacklog = true;
    }

    void backlogDown() {
        pausedForBacklog = false;
    }

    /** Hands the waiting frames to {@code handle}, in order, until none is left or they must wait again. */
    void release(Consumer<Object> handle) {
        while (!waiting.isEmpty() && !checkingPassword && !pausedForBacklog) {
            handle.accept(waiting.removeFirst());
        }
    }
}
