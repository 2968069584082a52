package org.natter.client.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.natter.client.ClientOptions;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.discovery.ServerBrowser;
import org.natter.client.prefs.ClientDataDirectory;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.prefs.PinFile;
import org.natter.client.prefs.ServerPasswords;
import org.natter.common.fx.StartTimeReport;
import org.natter.common.security.Fingerprints;

/** The JavaFX application; started by {@code ClientMain}, which has already checked the command line. */
public final class ClientApp extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        ClientOptions options = ClientOptions.parse(getParameters().getRaw());
        // The window's close handler ends the application once the goodbye to the server is sent.
        Platform.setImplicitExit(false);
        ClientPreferences preferences = ClientPreferences.forUser();
        // Before the first text, date format or dialog button is made: they keep the language they find.
        LanguageMenu.chosen(preferences).apply();
        // Encrypted, with the certificate of each server trusted on first use; both files are read off this thread.
        ClientWindow window = new ClientWindow(stage, preferences, ConnectionSettings.defaults(),
                getHostServices()::showDocument, PinFile.forUser(), ServerPasswords.inFile(ClientDataDirectory.resolve()),
                options.trust() == null ? null : Fingerprints.parse(options.trust()).orElse(null),
                ServerBrowser::localAddresses);
        StartTimeReport.watch(stage, "Natter");
        window.show(options.server(), options.name());
        if (options.connect()) {
            window.loginViewModel().connect();
        }
    }
}
