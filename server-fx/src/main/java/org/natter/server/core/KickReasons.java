package org.natter.server.core;

import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Texts;

/** The operator's kick reason: optional, at most 200 characters, the text rules apply; refused, never cut. */
final class KickReasons {

    private KickReasons() {
    }

    /** @throws IllegalArgumentException with a sentence when the reason breaks the rules */
    static String clean(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String stripped = reason.strip();
        Texts.problem(stripped, ProtocolLimits.MAX_REASON_LENGTH).ifPresent(problem -> {
            throw new IllegalArgumentException("The reason cannot be used. " + problem.replace("message", "reason"));
        });
        return stripped;
    }
}
