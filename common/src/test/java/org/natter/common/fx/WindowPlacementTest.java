package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.natter.common.model.WindowBounds;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class WindowPlacementTest {

    private static final String ICONS = "/org/natter/common/fx/icons";

    private final Preferences node = Preferences.userRoot().node("org/natter/test/window-placement");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    private Stage showPlacedStage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(), 300, 200));
            WindowPlacement.apply(stage, node, ICONS);
            stage.show();
            return stage;
        }).get();
    }

    @Test
    void windowGetsItsIconsReopensWhereItWasAndRemembersWhereItIsLeft() throws Exception {
        node.put("window", new WindowBounds(40, 30, 700, 500, false).format());
        Stage stage = showPlacedStage();
        assertThat(stage.getIcons()).hasSize(WindowPlacement.ICON_SIZES.size());
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getWidth()).isEqualTo(700);

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(60);
            stage.setWidth(650);
            stage.hide();
        }).get();
        // Saved on the placement's own thread, not the FX thread: wait for it.
        assertThat(WindowPlacement.awaitSaves(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        WindowBounds saved = WindowBounds.parse(node.get("window", null)).orElseThrow();
        assertThat(saved.x()).isEqualTo(60);
        assertThat(saved.width()).isEqualTo(650);
    }

    @Test
    void boundsOffEveryScreenAreIgnored() throws Exception {
        node.put("window", new WindowBounds(50_000, 30, 700, 500, false).format());
        Stage stage = showPlacedStage();
        assertThat(stage.getX()).isLessThan(10_000);
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }
}
