package org.natter.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.prefs.Preferences;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.natter.common.fx.Messages;
import org.natter.common.fx.WindowPlacement;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.shared.Dialogs;

/** Puts the admin view into a stage: FXML, stylesheets, theme, and the confirmation when closing. */
public final class AdminWindow {

    /** The base name of the admin window's texts, {@code messages.properties} next to Admin.fxml. */
    public static final String BUNDLE = "org.natter.server.ui.messages";

    private static final double MIN_WIDTH = 800;
    private static final double MIN_HEIGHT = 520;

    private AdminWindow() {
    }

    /** Builds the window on {@code stage} (FX thread) and returns its view. */
    public static AdminView show(Stage stage, AdminViewModel viewModel, Messages messages, ZoneId zone, Path dataDir) {
        FXMLLoader loader = new FXMLLoader(AdminWindow.class.getResource("Admin.fxml"), messages.bundle());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Admin.fxml cannot be loaded", e);
        }
        AdminView view = loader.getController();
        view.bind(viewModel, messages, zone, dataDir.resolve(AdminPreferences.FILE_NAME));

        viewModel.settings().themeProperty().get().apply();
        viewModel.settings().themeProperty().addListener((obs, old, theme) -> theme.apply());
        // The preferred size, shrunk to fit a small screen such as 1024x700.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight()));
        scene.getStylesheets().add(AdminWindow.class.getResource("admin.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        WindowPlacement.apply(stage, Preferences.userRoot().node("org/natter/server"), "/org/natter/server/icons");
        stage.setOnCloseRequest(event -> {
            if (viewModel.isServing()) {
                event.consume();
                if (Dialogs.confirm(stage, messages.get("close.title"), messages.get("close.header"),
                        viewModel.closeQuestion(), messages.get("close.confirm"), "fth-power")) {
                    root.setDisable(true);
                    viewModel.shutdown().whenComplete((ignored, failure) -> {
                        view.dispose();
                        stage.close();
                    });
                }
            } else {
                view.dispose();
                viewModel.dispose();
            }
        });
        stage.show();
        fitMinimumSize(stage, view, root);
        view.setOnTabBuilt(() -> fitMinimumSize(stage, view, root));
        return view;
    }

    /**
     * The smallest window that shows every button and label in full: the root's own minimum (each bar item keeps
     * its preferred width) plus the window frame, and never below 800 x 520.
     */
    private static void fitMinimumSize(Stage stage, AdminView view, Parent root) {
        // A tab's content built just now (LazyTab) has not been styled yet, and its minimum depends on its styles.
        root.applyCss();
        view.reserveWidths();
        root.applyCss();
        root.layout();
        Scene scene = root.getScene();
        double frameWidth = Double.isNaN(stage.getWidth()) ? 0 : stage.getWidth() - scene.getWidth();
        double frameHeight = Double.isNaN(stage.getHeight()) ? 0 : stage.getHeight() - scene.getHeight();
        stage.setMinWidth(Math.max(MIN_WIDTH, Math.ceil(root.minWidth(-1) + frameWidth)));
        stage.setMinHeight(Math.max(MIN_HEIGHT, Math.ceil(root.minHeight(-1) + frameHeight)));
        view.releaseWidths();
    }
}
