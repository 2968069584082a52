package org.natter.server.ui.users;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.natter.common.model.ConnectedUser;
import org.natter.common.protocol.ProtocolLimits;

/** One row of the Connected users table; updated in place so the table never rebuilds its rows. FX thread. */
public final class ConnectedUserItemViewModel {

    private final long connectionId;
    private final String name;
    private final String address;
    private final Instant since;
    private final LongProperty messagesSent = new SimpleLongProperty(this, "messagesSent");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Set<String> rooms = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final StringProperty roomsText = new SimpleStringProperty(this, "rooms", "");

    public ConnectedUserItemViewModel(ConnectedUser user) {
        this.connectionId = user.connectionId();
        this.name = user.name();
        this.address = user.address();
        this.since = user.since();
        messagesSent.set(user.messagesSent());
        rooms.addAll(user.rooms());
        showRooms();
    }

    public long connectionId() {
        return connectionId;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Instant since() {
        return since;
    }

    public LongProperty messagesSentProperty() {
        return messagesSent;
    }

    /** True while a kick is on its way; the Kick button is disabled meanwhile. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The rooms the user is in, sorted ignoring case: "#maths, #general" (general last). */
    public StringProperty roomsProperty() {
        return roomsText;
    }

    void update(ConnectedUser user) {
        messagesSent.set(user.messagesSent());
    }

    /** The user is (or is no longer) a member of {@code room}. */
    void setMember(String room, boolean member) {
        if (member ? rooms.add(room) : rooms.remove(room)) {
            showRooms();
        }
    }

    private void showRooms() {
        // Everyone is in general: the rooms that tell users apart come first.
        roomsText.set(rooms.stream().sorted(Comparator.comparing(ProtocolLimits.GENERAL_ROOM::equalsIgnoreCase))
                .map(room -> "#" + room).collect(Collectors.joining(", ")));
    }
}
