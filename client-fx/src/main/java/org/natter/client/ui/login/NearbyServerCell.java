package org.natter.client.ui.login;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/** One server of the "On your network" list: its name, its address and users, and a lock when it needs a password. */
final class NearbyServerCell extends ListCell<FoundServer> {

    private final Label name = new Label();
    private final Label details = new Label();
    private final FontIcon lock = new FontIcon(Feather.LOCK);
    private final HBox row;

    NearbyServerCell() {
        name.getStyleClass().add(Styles.NEARBY_NAME);
        details.getStyleClass().add(Styles.NEARBY_DETAILS);
        lock.getStyleClass().add(Styles.NEARBY_LOCK);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(1, name, details);
        row = new HBox(8, text, spacer, lock);
        row.getStyleClass().add(Styles.NEARBY_ROW);
        getStyleClass().add(Styles.NEARBY_CELL);
    }

    @Override
    protected void updateItem(FoundServer server, boolean empty) {
        super.updateItem(server, empty);
        if (empty || server == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        var what = server.announcement();
        name.setText(what.serverName());
        String users = I18n.text(what.users() == 1 ? "nearby.user" : "nearby.users", what.users());
        details.setText(server.address() + " \u00B7 " + users);
        lock.setVisible(what.passwordNeeded());
        lock.setManaged(what.passwordNeeded());
        setGraphic(row);
        setAccessibleText(I18n.text(what.passwordNeeded() ? "nearby.accessible.password" : "nearby.accessible",
                what.serverName(), server.address(), users));
    }
}
