package org.natter.client.ui;

/** Every style class and pseudo-class the client's Java code uses; the rules are in natter.css. */
public final class Styles {

    public static final String STYLESHEET = "/org/natter/client/ui/natter.css";
    /** On the scene's root, followed by the steps of {@link TextSize}: "text-size-plus-2", "text-size-minus-1". */
    public static final String TEXT_SIZE_PREFIX = "text-size-";

    public static final String NEARBY_CELL = "nearby-cell";
    public static final String NEARBY_ROW = "nearby-row";
    public static final String NEARBY_NAME = "nearby-name";
    public static final String NEARBY_DETAILS = "nearby-details";
    public static final String NEARBY_LOCK = "nearby-lock";
    public static final String DOCTOR_HEADING = "doctor-heading";
    public static final String DOCTOR_ROW = "doctor-row";
    public static final String DOCTOR_STEP = "doctor-step";
    public static final String DOCTOR_SENTENCE = "doctor-sentence";
    public static final String DOCTOR_PASSED = "doctor-passed";
    public static final String DOCTOR_FAILED = "doctor-failed";
    public static final String MESSAGE = "message";
    public static final String MESSAGE_HEADER = "message-header";
    public static final String MESSAGE_SENDER = "message-sender";
    public static final String MESSAGE_TIME = "message-time";
    public static final String MESSAGE_TEXT = "message-text";
    public static final String MESSAGE_BUBBLE = "message-bubble";
    /** A plain-text run inside {@code .message-text} (a Text node, styled with -fx-fill). */
    public static final String MESSAGE_TEXT_RUN = "message-text-run";
    public static final String MESSAGE_LINK = "message-link";
    public static final String UNSENT_NOTE = "unsent-note";
    public static final String UNSENT_BAR = "unsent-bar";
    public static final String EVENT_TEXT = "event-text";
    /** The icon in a dialog's header, in place of JavaFX's own images. */
    public static final String DIALOG_ICON = "dialog-icon";
    /** The safety code in the trust prompts. */
    public static final String SAFETY_CODE = "safety-code";
    /** The red explanation of a changed certificate. */
    public static final String TRUST_WARNING = "trust-warning";
    /** AtlantaFX's size and look modifiers for buttons. */
    public static final String SMALL = "small";
    public static final String FLAT = "flat";
    public static final String USER_CELL = "user-cell";
    public static final String USER_AVATAR = "user-avatar";
    public static final String FIELD_HINT = "field-hint";
    public static final String CONVERSATION_CELL = "conversation-cell";
    public static final String CONVERSATION_NAME = "conversation-name";
    /** A small rounded count in the sidebar; with {@link #MENTION_BADGE} the accent "@" of a mention. */
    public static final String BADGE = "badge";
    public static final String MENTION_BADGE = "mention-badge";
    public static final String ROOM_CHOICES = "room-choices";
    public static final String SEARCH_RESULT = "search-result";
    public static final String SEARCH_MATCH = "search-match";
    /** {@code name-color-0} to {@code name-color-7}: a stable colour per name. */
    public static final String NAME_COLOR_PREFIX = "name-color-";
    public static final int NAME_COLORS = 8;

    /** Pseudo-classes of {@code .message}. */
    public static final String OWN = "own";
    public static final String OTHER = "other";
    public static final String SYSTEM = "system";
    public static final String WARNING = "warning";
    public static final String ANNOUNCEMENT = "announcement";
    /** A quiet marker in the history: "Earlier messages", "Caught up", "Beginning of the conversation". */
    public static final String DIVIDER = "divider";
    public static final String MENTION = "mention";
    /** A message that follows one from the same sender within minutes: no name or time of its own. */
    public static final String CONTINUED = "continued";
    /** A message of this user's that was not sent. */
    public static final String UNSENT = "unsent";
    /**
     * Pseudo-classes of a conversation cell: it has unread messages; the host closed the room. {@code :unread} also
     * marks the "New messages" line of the message pane ({@code .message:unread}).
     */
    public static final String UNREAD = "unread";
    public static final String LEFT = "left";
    /** Pseudo-class of a user cell for this user. */
    public static final String SELF = "self";

    private Styles() {
    }

    /** The root's style class for a text size this many steps from the normal one (not 0). */
    public static String textSize(int steps) {
        return TEXT_SIZE_PREFIX + (steps > 0 ? "plus-" + steps : "minus-" + -steps);
    }
}
