package org.natter.server.ui.users;

import org.natter.server.ui.shared.BanDuration;

/**
 * What the operator chose in the kick dialog.
 *
 * @param banFor      null for a plain kick; else the users are banned (which removes them) for this long
 * @param banAddress  with a ban: their addresses are banned as well
 */
public record KickChoice(String reason, BanDuration banFor, boolean banAddress) {
}
