package org.natter.server.ui.users;

import org.natter.server.ui.shared.BanDuration;

/** What the operator chose in the ban or mute dialog; {@code address} only for a ban. */
public record SanctionChoice(BanDuration duration, String reason, boolean address) {
}
