package org.natter.server.ui.invite;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.protocol.InviteLink;

/**
 * The Invite dialog's content: one invite link per address users can reach the server at, carrying the server's
 * name and its certificate's fingerprint, and the one chosen for the QR code. FX thread only.
 */
public final class InviteViewModel {

    private final ObservableList<InviteLink> links = FXCollections.observableArrayList();
    private final ObjectProperty<InviteLink> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final boolean pinned;

    /**
     * @param addresses   {@code host:port} (or {@code [v6]:port}) as the window shows them under "Users connect to"
     * @param serverName  the server's name, carried in the links for the client to show
     * @param fingerprint the certificate's fingerprint, or {@code null} when the server has none
     */
    public InviteViewModel(List<String> addresses, String serverName, String fingerprint) {
        List<InviteLink> all = new ArrayList<>();
        for (String address : addresses) {
            InviteLink link = linkFor(address, serverName, fingerprint);
            if (link != null) {
                all.add(link);
            }
        }
        links.setAll(all);
        chosen.set(all.isEmpty() ? null : all.get(0));
        pinned = fingerprint != null;
    }

    public ObservableList<InviteLink> links() {
        return links;
    }

    /** The link shown as text and QR code. */
    public ObjectProperty<InviteLink> chosenProperty() {
        return chosen;
    }

    /** True when the links carry the fingerprint, so a client that follows one trusts the server without asking. */
    public boolean pinned() {
        return pinned;
    }

    /** The link of {@code host:port}, or null when the text is no address (it came from this machine, so rarely). */
    static InviteLink linkFor(String address, String serverName, String fingerprint) {
        try {
            return InviteLink.forAddress(address, fingerprint, serverName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
