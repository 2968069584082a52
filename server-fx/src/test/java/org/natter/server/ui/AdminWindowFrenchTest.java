package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiLanguage;
import org.natter.common.fx.UiTheme;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.settings.SettingsDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The admin window in French: its texts, its French mnemonics, and the language choice in the settings. */
@ExtendWith(ApplicationExtension.class)
class AdminWindowFrenchTest {

    @TempDir Path dataDir;
    private final Locale before = Locale.getDefault();
    private ChatServer server;
    private ExecutorService background;
    private AdminViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        Locale.setDefault(Locale.FRENCH);
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        background = Executors.newSingleThreadExecutor();
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT),
                dataDir, Platform::runLater, background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        AdminWindow.show(window, viewModel, messages, ZoneId.systemDefault(), dataDir);
    }

    @AfterEach
    void restore() throws Exception {
        FxWait.closeLeftoverWindows();
        Locale.setDefault(before);
        server.close();
        background.shutdownNow();
    }

    @Test
    void theWindowSpeaksFrenchAndTheLanguageChoiceIsSaved(FxRobot robot) throws Exception {
        assertThat(onFx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText())).isEqualTo("Arrêté");
        assertThat(onFx(() -> stage.getTitle())).startsWith("Serveur Natter");
        assertThat(onFx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getScene().getRoot()
                .lookupAll(".tab-label").stream().map(node -> ((Label) node).getText()).toList()))
                .contains("Utilisateurs (0)", "Salons (0)", "Bannissements (0)");

        robot.press(KeyCode.ALT).press(KeyCode.R).release(KeyCode.R).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("Réglages du serveur").tryQuery().isPresent());
        assertThat(robot.lookup("Prend effet au prochain démarrage.").tryQuery()).isPresent();
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<UiLanguage> languages = robot.lookup("#" + SettingsDialog.LANGUAGE_BOX_ID).queryAs(ComboBox.class);
            languages.setValue(UiLanguage.ENGLISH);
            return null;
        });
        robot.type(KeyCode.ENTER);

        waitUntil(() -> AdminPreferences.load(dataDir, "", "").language() == UiLanguage.ENGLISH);
    }

    @Test
    void atTheMinimumSizeNoFrenchTextOfTheBarsIsCut(FxRobot robot) throws Exception {
        robot.press(KeyCode.ALT).press(KeyCode.D).release(KeyCode.D).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#stateLabel").queryLabeled().getText().startsWith("En marche sur le port"));
        robot.interact(() -> {
            viewModel.log().togglePause();
            viewModel.log().append(java.util.List.of(new org.natter.server.ui.log.LogLine(java.time.Instant.now(),
                    org.natter.server.ui.log.LogKind.MESSAGE, "x")));
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        waitUntil(() -> robot.lookup("#pauseButton").queryButton().getText().startsWith("Repre"));

        assertThat(AdminLayoutTest.cutLabels(robot, stage)).as("labels cut at %s x %s", stage.getWidth(),
                stage.getHeight()).isEmpty();
    }
}
