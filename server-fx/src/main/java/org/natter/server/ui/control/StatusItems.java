package org.natter.server.ui.control;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.server.ui.shared.StyleClasses;

/** The right side of the status bar: users online, pending hosts, messages per minute, uptime. */
public final class StatusItems {

    private StatusItems() {
    }

    public static void fill(StatusBar statusBar, StatusViewModel status) {
        statusBar.getRightItems().setAll(
                item("fth-users", status.usersOnlineText()), new Separator(Orientation.VERTICAL),
                item("fth-log-in", status.pendingHostsText()), new Separator(Orientation.VERTICAL),
                item("fth-activity", status.messagesPerMinuteProperty()), new Separator(Orientation.VERTICAL),
                item("fth-clock", status.uptimeProperty()));
    }

    private static Label item(String icon, ObservableValue<String> text) {
        Label label = new Label(null, new FontIcon(icon));
        label.textProperty().bind(text);
        label.getStyleClass().add(StyleClasses.STATUS_ITEM);
        return label;
    }
}
