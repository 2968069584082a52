package org.natter.client.ui;

import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.natter.client.prefs.ClientPreferences;

/**
 * Ctrl++ and Ctrl+- make all the window's text larger or smaller by a step, Ctrl+0 brings the normal size back.
 * The steps are style classes on the scene's root (the stylesheet scales from the root's font size, in em), kept
 * across the login and chat views and remembered in the preferences. FX thread.
 */
final class TextSize {

    static final int SMALLEST = -2;
    static final int LARGEST = 4;

    private final Scene scene;
    private final ClientPreferences preferences;
    private int steps;

    TextSize(Scene scene, ClientPreferences preferences) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        steps = Math.max(SMALLEST, Math.min(LARGEST, preferences.textSize()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.rootProperty().addListener((obs, old, root) -> show(root));
        show(scene.getRoot());
    }

    int steps() {
        return steps;
    }

    private void onKey(KeyEvent event) {
        if (!event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            change(steps + 1);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            change(steps - 1);
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            change(0);
        } else {
            return;
        }
        event.consume();
    }

    private void change(int wanted) {
        int now = Math.max(SMALLEST, Math.min(LARGEST, wanted));
        if (now != steps) {
            steps = now;
            show(scene.getRoot());
            preferences.setTextSize(now);
        }
    }

    private void show(Parent root) {
        if (root == null) {
            return;
        }
        root.getStyleClass().removeIf(name -> name.startsWith(Styles.TEXT_SIZE_PREFIX));
        if (steps != 0) {
            root.getStyleClass().add(Styles.textSize(steps));
        }
    }
}
