package org.natter.common.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Locale;
import javafx.application.Application;

/** The colour themes both apps offer: AtlantaFX Primer, light or dark, applied to the whole application. */
public enum UiTheme {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    private final String stylesheet;

    UiTheme(Theme theme) {
        this.stylesheet = theme.getUserAgentStylesheet();
    }

    /** DARK for {@code true}. */
    public static UiTheme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The theme with this name in any case, or LIGHT for anything unknown (an edited settings file). */
    public static UiTheme parse(String name) {
        if (name != null) {
            for (UiTheme theme : values()) {
                if (theme.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                    return theme;
                }
            }
        }
        return LIGHT;
    }

    public boolean isDark() {
        return this == DARK;
    }

    public UiTheme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The Ikonli Feather literal for the toggle button: a moon to switch to dark, a sun to switch back to light. */
    public String toggleIconLiteral() {
        return this == DARK ? "fth-sun" : "fth-moon";
    }

    /** The user-agent stylesheet as a URL string, ready for {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        var url = UiTheme.class.getResource(stylesheet);
        if (url == null) {
            throw new IllegalStateException("AtlantaFX stylesheet missing from the class path: " + stylesheet);
        }
        return url.toExternalForm();
    }

    /** Makes this the theme of every window of the application. FX thread. */
    public void apply() {
        String url = userAgentStylesheet();
        // Setting the same stylesheet again would restyle every open scene for nothing.
        if (!url.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(url);
        }
    }
}
