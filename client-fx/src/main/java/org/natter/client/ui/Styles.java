package org.natter.client.ui;

/** Every style class and pseudo-class the client's Java code uses; the rules are in natter.css. */
public final class Styles {

    public static final String STYLESHEET = "/org/natter/client/ui/natter.css";

    public static final String MESSAGE = "message";
    public static final String MESSAGE_HEADER = "message-header";
    public static final String MESSAGE_SENDER = "message-sender";
    public static final String MESSAGE_TIME = "message-time";
    public static final String MESSAGE_TEXT = "message-text";
    public static final String MESSAGE_BUBBLE = "message-bubble";
    public static final String EVENT_TEXT = "event-text";
    public static final String USER_CELL = "user-cell";
    public static final String USER_AVATAR = "user-avatar";
    /** {@code name-color-0} to {@code name-color-7}: a stable colour per name. */
    public static final String NAME_COLOR_PREFIX = "name-color-";
    public static final int NAME_COLORS = 8;

    /** Pseudo-classes of {@code .message}. */
    public static final String OWN = "own";
    public static final String OTHER = "other";
    public static final String SYSTEM = "system";
    public static final String WARNING = "warning";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String MENTION = "mention";
    /** Pseudo-class of a user cell for this user. */
    public static final String SELF = "self";

    private Styles() {
    }
}
