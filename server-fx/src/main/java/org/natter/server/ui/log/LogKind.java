package org.natter.server.ui.log;

import java.util.Locale;

/** What a log line is about; each kind has its own colour in admin.css ({@code .log-line.log-server}, ...). */
public enum LogKind {
    SERVER,
    HOST,
    JOIN,
    MESSAGE,
    LEAVE,
    KICK,
    ANNOUNCE,
    ERROR;

    public String styleClass() {
        return "log-" + name().toLowerCase(Locale.ROOT);
    }
}
