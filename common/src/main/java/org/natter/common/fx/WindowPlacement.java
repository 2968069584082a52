package org.natter.common.fx;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /**
     * Saves the bounds off the FX thread (on Windows a preference write is a registry write). Not a daemon, so a
     * save queued as the last window closes still happens; the thread ends after a second with nothing to do.
     */
    private static final ExecutorService SAVER = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> new Thread(task, "natter-window-placement"));

    private WindowPlacement() {
    }

    /**
     * Call before the stage is shown (FX thread); the bounds are saved in {@code node} when it is hidden, on a
     * thread of its own.
     *
     * @param iconFolder the class-path folder of the app's icons, {@code icon-16.png} to {@code icon-256.png},
     *                   such as {@code /org/natter/server/icons}; a missing size is skipped
     */
    /** Waits until the saves queued so far are done; for tests. */
    static boolean awaitSaves(long timeout, TimeUnit unit) throws Exception {
        SAVER.submit(() -> { }).get(timeout, unit);
        return true;
    }

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
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            String bounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized()).format();
            SAVER.execute(() -> node.put(KEY, bounds));
        });
    }
}
