package org.natter.client.ui.chat;

import org.natter.client.ui.Styles;
import org.natter.common.protocol.Names;

/** A stable colour per name: the same name gets the same colour on every machine and every run. */
final class NameColors {

    private NameColors() {
    }

    static String styleClass(String name) {
        // String.hashCode is fixed by the Java specification, so it is stable across runs and machines.
        return Styles.NAME_COLOR_PREFIX + Math.floorMod(Names.key(name).hashCode(), Styles.NAME_COLORS);
    }
}
