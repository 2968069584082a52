package org.natter.server.core.moderation;

/** Where an operator's action came from. */
public enum AuditSource {
    /** The admin window. */
    WINDOW,
    /** The headless console. */
    CONSOLE,
    /** A program using {@code ChatServer} directly (tests, embedding). */
    PROGRAM
}
