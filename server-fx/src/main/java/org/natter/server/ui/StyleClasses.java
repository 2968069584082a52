package org.natter.server.ui;

/**
 * Every CSS style class the admin window sets from Java, in one place (see admin.css). The AtlantaFX names are
 * repeated here as plain strings because the AtlantaFX 2.1.0 jar is Java 21 bytecode and cannot be compiled
 * against on Java 17; its stylesheets are plain resources and load fine.
 */
public final class StyleClasses {

    // AtlantaFX
    public static final String ACCENT = "accent";
    public static final String SUCCESS = "success";
    public static final String DANGER = "danger";
    public static final String FLAT = "flat";
    public static final String BUTTON_ICON = "button-icon";
    public static final String SMALL = "small";
    public static final String TEXT_MUTED = "text-muted";

    // Natter
    public static final String ADMIN_ROOT = "admin-root";
    public static final String STATE_BADGE = "state-badge";
    public static final String ADDRESS_CHIP = "address-chip";
    public static final String LOG_LINE = "log-line";
    public static final String LOG_TIME = "log-time";
    public static final String ROW_BUTTON = "row-button";
    public static final String STATUS_ITEM = "status-item";

    private StyleClasses() {
    }
}
