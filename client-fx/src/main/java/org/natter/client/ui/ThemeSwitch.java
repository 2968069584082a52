package org.natter.client.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.prefs.ClientPreferences;
import org.natter.common.fx.UiTheme;

/** The client's light/dark switch: the theme of the whole application, remembered in the preferences. */
public final class ThemeSwitch {

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public ThemeSwitch(ClientPreferences preferences) {
        dark.set(preferences.darkTheme());
        UiTheme.of(dark.get()).apply();
        dark.addListener((obs, was, now) -> {
            UiTheme.of(now).apply();
            preferences.setDarkTheme(now);
        });
    }

    /** True for the dark theme; the views bind their toggle buttons to it. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The toggle's icon: a moon to switch to dark, a sun to switch back to light. */
    public static FontIcon icon(BooleanProperty dark) {
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(dark.map(on -> Feather.findByDescription(UiTheme.of(on).toggleIconLiteral())));
        return icon;
    }
}
