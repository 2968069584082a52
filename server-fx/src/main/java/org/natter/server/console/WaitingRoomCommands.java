package org.natter.server.console;

import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;

/** The console's waiting room: {@code waiting on|off}, {@code admit NAME}, {@code refuse NAME [REASON]}. */
final class WaitingRoomCommands {

    private final ChatServer server;
    private final ConsoleOutput out;

    WaitingRoomCommands(ChatServer server, ConsoleOutput out) {
        this.server = server;
        this.out = out;
    }

    /** {@code waiting} alone says whether it is on. */
    void waiting(String argument) {
        switch (argument.toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> {
                server.setWaitingRoom(true);
                out.println("New users now wait until you let them in: 'pending' lists them, 'admit NAME' lets one in.");
            }
            case "off" -> {
                server.setWaitingRoom(false);
                out.println("New users join at once again." + (anyoneWaiting()
                        ? " Those already waiting still need 'admit NAME' or 'refuse NAME'." : ""));
            }
            case "" -> out.println(server.waitingRoom() ? "The waiting room is on: new users wait until you let them in."
                    : "The waiting room is off: new users join at once. 'waiting on' turns it on.");
            default -> out.println("Usage: waiting on|off");
        }
    }

    void admit(String name) {
        if (name.isEmpty()) {
            out.println("Usage: admit NAME");
            return;
        }
        out.println(server.admit(name) ? "Let " + SafeText.escape(name) + " in."
                : "Nobody is waiting as " + SafeText.escape(name) + ". Type 'pending' for the list.");
    }

    /** {@code refuse NAME [REASON]} */
    void refuse(String argument) {
        if (argument.isEmpty()) {
            out.println("Usage: refuse NAME [REASON]");
            return;
        }
        String[] parts = argument.split("\\s+", 2);
        try {
            out.println(server.refuse(parts[0], parts.length > 1 ? parts[1] : "")
                    ? "Turned " + SafeText.escape(parts[0]) + " away."
                    : "Nobody is waiting as " + SafeText.escape(parts[0]) + ". Type 'pending' for the list.");
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        }
    }

    private boolean anyoneWaiting() {
        return server.pendingHosts().stream().anyMatch(host -> host.isWaiting());
    }
}
