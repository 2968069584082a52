package org.natter.common.protocol;

/** The hard limits of the wire protocol, the same for every server and client (docs/PROTOCOL.md). */
public final class ProtocolLimits {

    /** The version a server announces in {@code welcome}. */
    public static final int PROTOCOL_VERSION = 3;

    /**
     * Names in one {@code users} or {@code members} page (version 3): 400 names of at most 24 characters (96
     * UTF-8 bytes) stay well under {@link #MAX_FRAME_BYTES}, whatever the names.
     */
    public static final int NAMES_PER_PAGE = 400;

    /**
     * The most names a client takes in one list of pages (the users online, a room's members): a server that
     * sends more is broken or hostile, and the client drops the connection rather than its memory.
     */
    public static final int MAX_LISTED_NAMES = 200_000;

    /** The largest frame: one JSON object plus its terminating newline, in UTF-8 bytes. */
    public static final int MAX_FRAME_BYTES = 65_536;

    /** The largest frame body, without the newline. */
    public static final int MAX_LINE_BYTES = MAX_FRAME_BYTES - 1;

    public static final int MIN_NAME_LENGTH = 1;
    public static final int MAX_NAME_LENGTH = 24;

    public static final int MAX_ROOM_NAME_LENGTH = 32;

    /** The room every user is in after login; it always exists. */
    public static final String GENERAL_ROOM = "general";

    /** The longest room topic, in characters; the text rules apply to it. */
    public static final int MAX_TOPIC_LENGTH = 200;

    /** Messages in one {@code history} page at most, and when a request gives no limit. */
    public static final int MAX_HISTORY_PAGE = 500;
    public static final int DEFAULT_HISTORY_PAGE = 100;

    /** Results of one {@code search} at most, and when a request gives no limit. */
    public static final int MAX_SEARCH_RESULTS = 100;
    public static final int DEFAULT_SEARCH_RESULTS = 20;

    /** The longest search query, in characters. */
    public static final int MAX_SEARCH_LENGTH = 200;

    public static final int MIN_TEXT_LENGTH = 1;
    public static final int MAX_TEXT_LENGTH = 4_000;

    /** The longest reason an administrator may give for a kick. */
    public static final int MAX_REASON_LENGTH = 200;

    /** The longest client-chosen request {@code id}; longer ones are refused as BAD_JSON. */
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    private ProtocolLimits() {
    }
}
