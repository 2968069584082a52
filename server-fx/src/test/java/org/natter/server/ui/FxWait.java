package org.natter.server.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Bounded waits on the FX thread for TestFX tests. */
final class FxWait {

    static final long WAIT_SECONDS = 10;

    private FxWait() {
    }

    /** Waits (at most {@link #WAIT_SECONDS}) until {@code condition}, read on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /**
     * Closes every dialog and other window a test left open. TestFX gives every test the same primary stage, and
     * lookups such as {@code .dialog-pane} search all windows: a dialog left over from an earlier test would be found
     * instead of the test's own.
     */
    static void closeLeftoverWindows() throws Exception {
        onFx(() -> {
            for (javafx.stage.Window window : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (!(window instanceof javafx.stage.Stage stage) || stage.getOwner() != null) {
                    window.hide();
                }
            }
            return null;
        });
    }

    /** Reads the scene graph on the FX thread, where it lives. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
