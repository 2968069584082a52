package org.natter.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.prefs.ClientPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login window in French, and its language button, which remembers the choice for the next start. */
@ExtendWith(ApplicationExtension.class)
class ClientWindowFrenchTest {

    private final Locale before = Locale.getDefault();
    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ClientPreferences preferences = new ClientPreferences(node);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Locale.setDefault(Locale.FRENCH);
        new ClientWindow(stage, preferences, ConnectionSettings.defaults(), url -> { }).show("localhost", "");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Locale.setDefault(before);
        node.removeNode();
    }

    @Test
    void theLoginFormSpeaksFrenchAndTheLanguageChoiceIsRemembered(FxRobot robot) throws Exception {
        assertThat(robot.from(stage.getScene().getRoot()).lookup("Se connecter").tryQuery()).isPresent();
        assertThat(robot.from(stage.getScene().getRoot()).lookup(".login-subtitle").queryAs(Label.class).getText())
                .isEqualTo("Choisissez un pseudo et le serveur où discuter.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(stage.getScene().getRoot())
                .lookup("#nameHint").queryAs(Label.class).getText().startsWith("Tapez un pseudo"));

        MenuButton languages = robot.from(stage.getScene().getRoot()).lookup("#" + LanguageMenu.LOGIN_BUTTON_ID)
                .queryAs(MenuButton.class);
        assertThat(languages.getAccessibleText()).isEqualTo("Langue (prend effet au prochain démarrage)");
        RadioMenuItem english = languages.getItems().stream().filter(RadioMenuItem.class::isInstance)
                .map(RadioMenuItem.class::cast).filter(item -> item.getText().equals("English")).findFirst().orElseThrow();
        robot.interact(english::fire);

        assertThat(preferences.language()).isEqualTo("english");
        assertThat(preferences.saved()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(new ClientPreferences(node).language()).isEqualTo("english");
    }
}
