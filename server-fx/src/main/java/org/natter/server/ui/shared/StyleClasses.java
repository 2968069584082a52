package org.natter.server.ui.shared;

import atlantafx.base.theme.Styles;

/** Every CSS style class the admin window sets from Java, in one place (see admin.css). */
public final class StyleClasses {

    // AtlantaFX
    public static final String ACCENT = Styles.ACCENT;
    public static final String SUCCESS = Styles.SUCCESS;
    public static final String DANGER = Styles.DANGER;
    public static final String FLAT = Styles.FLAT;
    public static final String BUTTON_ICON = Styles.BUTTON_ICON;
    public static final String SMALL = Styles.SMALL;
    public static final String TEXT_MUTED = Styles.TEXT_MUTED;

    // Natter
    public static final String ADMIN_ROOT = "admin-root";
    public static final String STATE_BADGE = "state-badge";
    public static final String ADDRESS_CHIP = "address-chip";
    public static final String LOG_LINE = "log-line";
    public static final String LOG_TIME = "log-time";
    public static final String ROW_BUTTON = "row-button";
    public static final String STATUS_ITEM = "status-item";
    public static final String DIALOG_ICON = "dialog-icon";
    public static final String ADMIN_DIALOG = "admin-dialog";
    public static final String KICK_COUNTER = "kick-counter";
    public static final String KICK_PROBLEM = "kick-problem";
    public static final String FORM_PROBLEM = "form-problem";
    public static final String ANNOUNCE_TARGET = "announce-target";

    private StyleClasses() {
    }
}
