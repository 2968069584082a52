package org.natter.server.ui.pending;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.natter.common.model.PendingHost;
import org.natter.server.ui.shared.TimeFormats;

/** One row of the Pending hosts table. FX thread. */
public final class PendingHostItemViewModel {

    private final long connectionId;
    private final String address;
    private final Instant since;
    private final String waitingName;
    private final ReadOnlyStringWrapper connectedFor = new ReadOnlyStringWrapper(this, "connectedFor", "0:00");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public PendingHostItemViewModel(PendingHost host, Instant now) {
        this.connectionId = host.connectionId();
        this.address = host.address();
        this.since = host.since();
        this.waitingName = host.waitingName();
        tick(now);
    }

    public long connectionId() {
        return connectionId;
    }

    public String address() {
        return address;
    }

    /** The name it waits to be let in under (the waiting room), or null for a host that has not asked yet. */
    public String waitingName() {
        return waitingName;
    }

    public boolean isWaiting() {
        return waitingName != null;
    }

    public Instant since() {
        return since;
    }

    /** How long it has been connected without logging in, such as "0:42". */
    public ReadOnlyStringProperty connectedForProperty() {
        return connectedFor.getReadOnlyProperty();
    }

    /** True while a drop, an admission or a refusal is on its way. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    void tick(Instant now) {
        connectedFor.set(TimeFormats.duration(Duration.between(since, now)));
    }
}
