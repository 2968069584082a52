package org.natter.common.fx;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.natter.common.model.WindowBounds;

/** Gives an app's main window its icons and reopens it where the user left it (java.util.prefs). */
public final class WindowPlacement {

    static final String KEY = "window";
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WindowPlacement() {
    }

    /**
     * Call before the stage is shown (FX thread); the bounds are saved in {@code node} when it is hidden.
     *
     * @param iconFolder the class-path folder of the app's icons, {@code icon-16.png} to {@code icon-256.png},
     *                   such as {@code /org/natter/server/icons}; a missing size is skipped
     */
    public static void apply(Stage stage, Preferences node, String iconFolder) {
        for (int size : ICON_SIZES) {
            var icon = WindowPlacement.class.getResource(iconFolder + "/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        WindowBounds.parse(node.get(KEY, null))
                .filter(saved -> Screen.getScreens().stream().map(Screen::getVisualBounds)
                        .anyMatch(s -> saved.reachableOn(s.getMinX(), s.getMinY(), s.getWidth(), s.getHeight())))
                .ifPresent(saved -> {
                    stage.setX(saved.x());
                    stage.setY(saved.y());
                    stage.setWidth(saved.width());
                    stage.setHeight(saved.height());
                    stage.setMaximized(saved.maximized());
                });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> node.put(KEY,
                new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                        .format()));
    }
}
