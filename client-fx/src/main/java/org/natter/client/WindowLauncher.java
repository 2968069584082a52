package org.natter.client;

import javafx.application.Application;
import org.natter.client.ui.ClientApp;

/** The only way from {@link ClientMain} to JavaFX, so that terminal mode does not load it. */
final class WindowLauncher {

    private WindowLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(ClientApp.class, args);
    }
}
