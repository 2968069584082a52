package org.natter.server.ui.users;

import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import org.natter.common.model.ConnectedUser;

/** One row of the Connected users table; updated in place so the table never rebuilds its rows. FX thread. */
public final class ConnectedUserItemViewModel {

    private final long connectionId;
    private final String name;
    private final String address;
    private final Instant since;
    private final LongProperty messagesSent = new SimpleLongProperty(this, "messagesSent");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public ConnectedUserItemViewModel(ConnectedUser user) {
        this.connectionId = user.connectionId();
        this.name = user.name();
        this.address = user.address();
        this.since = user.since();
        messagesSent.set(user.messagesSent());
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

    void update(ConnectedUser user) {
        messagesSent.set(user.messagesSent());
    }
}
