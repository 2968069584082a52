package org.natter.client.ui;

import java.util.Locale;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.natter.client.prefs.ClientPreferences;
import org.natter.common.fx.UiLanguage;

/**
 * The language choice (the system's, English, Français): radio items in the login view's language button and in
 * the chat's Options menu. The choice is remembered and takes effect at the next start, as the menu says.
 * FX thread.
 */
final class LanguageMenu {

    /** The login view's button, filled in here. */
    static final String LOGIN_BUTTON_ID = "languageMenu";
    /** The chat's Options menu, which gets a Language submenu. */
    static final String CHAT_OPTIONS_ID = "optionsMenu";

    private final ClientPreferences preferences;

    LanguageMenu(ClientPreferences preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    /** The language the preferences ask for. */
    static UiLanguage chosen(ClientPreferences preferences) {
        return UiLanguage.parse(preferences.language());
    }

    /** Adds the choice to the login or chat view, whichever {@code root} is. */
    void addTo(Parent root) {
        if (root.lookup("#" + LOGIN_BUTTON_ID) instanceof MenuButton button) {
            button.getItems().setAll(heading());
            button.getItems().addAll(items());
        } else if (root.lookup("#" + CHAT_OPTIONS_ID) instanceof MenuButton options) {
            Menu menu = new Menu(I18n.text("language.menu"));
            menu.getItems().setAll(items());
            options.getItems().add(menu);
        }
    }

    private static MenuItem heading() {
        MenuItem heading = new MenuItem(I18n.text("language.menu"));
        heading.setDisable(true);
        return heading;
    }

    private RadioMenuItem[] items() {
        ToggleGroup group = new ToggleGroup();
        UiLanguage current = chosen(preferences);
        UiLanguage[] languages = UiLanguage.values();
        RadioMenuItem[] items = new RadioMenuItem[languages.length];
        for (int i = 0; i < languages.length; i++) {
            UiLanguage language = languages[i];
            RadioMenuItem item = new RadioMenuItem(I18n.text("language." + language.name()));
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(language == current);
            item.setOnAction(event -> preferences.setLanguage(language.name().toLowerCase(Locale.ROOT)));
            items[i] = item;
        }
        return items;
    }
}
