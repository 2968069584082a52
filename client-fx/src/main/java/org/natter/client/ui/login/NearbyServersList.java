package org.natter.client.ui.login;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.ui.I18n;

/**
 * Wires the login view's "On your network" list: choosing a server (click, arrow keys) fills in its address;
 * a double-click or Enter also connects. FX thread only.
 */
final class NearbyServersList {

    private NearbyServersList() {
    }

    static void bind(ListView<FoundServer> list, NearbyServersViewModel nearby, LoginViewModel login) {
        list.setItems(nearby.servers());
        list.setCellFactory(view -> new NearbyServerCell());
        list.setAccessibleText(I18n.text("nearby.title"));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("field-hint");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> switch (nearby.stateProperty().get()) {
            case BLIND -> I18n.text("nearby.blind");
            case LOOKING, IDLE -> I18n.text("nearby.looking");
        }, nearby.stateProperty()));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                login.serverProperty().set(chosen.address());
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                connectTo(list.getSelectionModel().getSelectedItem(), login);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                connectTo(list.getSelectionModel().getSelectedItem(), login);
            }
        });
    }

    private static void connectTo(FoundServer server, LoginViewModel login) {
        if (server != null) {
            login.serverProperty().set(server.address());
            login.connect();
        }
    }
}
