package org.natter.server.core;

import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.TextRules;
import org.natter.common.protocol.Texts;

/**
 * The operator's kick, ban and mute reason: optional, at most 200 characters, the text rules apply; refused, never
 * cut. Bidirectional controls (which a pasted text may carry unseen) are cleaned out rather than refused: the
 * operator cannot see them to delete them, and the reason reads the same without them. A reason of nothing but
 * invisible characters is no reason.
 */
final class KickReasons {

    private KickReasons() {
    }

    /** @throws IllegalArgumentException with a sentence when the reason breaks the rules */
    static String clean(String reason) {
        if (reason == null) {
            return "";
        }
        String stripped = TextRules.withoutBidiControls(reason).strip();
        if (TextRules.looksBlank(stripped)) {
            return "";
        }
        Texts.problem(stripped, ProtocolLimits.MAX_REASON_LENGTH).ifPresent(problem -> {
            throw new IllegalArgumentException("The reason cannot be used. " + problem.replace("message", "reason"));
        });
        return stripped;
    }
}
