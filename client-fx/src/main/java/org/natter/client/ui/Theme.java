package org.natter.client.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.prefs.ClientPreferences;

/**
 * Light or dark (AtlantaFX Primer), applied to the whole application and remembered in the preferences.
 */
public final class Theme {

    static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Theme(ClientPreferences preferences) {
        dark.set(preferences.darkTheme());
        apply(dark.get());
        dark.addListener((obs, was, now) -> {
            apply(now);
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
        icon.iconCodeProperty().bind(Bindings.when(dark).<Ikon>then(Feather.SUN).otherwise(Feather.MOON));
        return icon;
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(Objects.requireNonNull(Theme.class.getResource(dark ? DARK : LIGHT),
                "AtlantaFX is missing from the class path").toExternalForm());
    }
}
