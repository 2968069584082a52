package org.natter.server.ui.pending;

import org.natter.server.ui.shared.BanDuration;

/**
 * What the operator chose in the refuse dialog.
 *
 * @param banFor     null for a plain refusal (the name may ask again); else the name is banned for this long
 * @param banAddress with a ban: the address is banned as well
 */
public record RefuseChoice(String reason, BanDuration banFor, boolean banAddress) {
}
