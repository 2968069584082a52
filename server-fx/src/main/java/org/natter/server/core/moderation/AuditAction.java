package org.natter.server.core.moderation;

/** What the operator did, as the audit trail records it. */
public enum AuditAction {
    KICK,
    DROP,
    BAN,
    UNBAN,
    MUTE,
    UNMUTE,
    ADMIT,
    REFUSE,
    ANNOUNCE,
    ROOM_CREATED,
    ROOM_DELETED,
    /** A room's topic or its rules (moderated, slow mode) changed. */
    ROOM_CHANGED,
    SETTING_CHANGED,
    HISTORY_CLEARED
}
