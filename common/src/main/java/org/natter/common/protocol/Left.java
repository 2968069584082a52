package org.natter.common.protocol;

import java.time.Instant;
import org.natter.common.model.LeaveReason;

/** {@code left}: a user left the chat, and why; {@code detail} is the kick reason when there was one. */
public record Left(String name, LeaveReason reason, String detail, Instant ts) implements ServerFrame {
}
