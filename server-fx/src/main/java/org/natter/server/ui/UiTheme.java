package org.natter.server.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Locale;

/** The window's colour themes: AtlantaFX Primer. */
public enum UiTheme {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    private final String stylesheet;

    UiTheme(Theme theme) {
        this.stylesheet = theme.getUserAgentStylesheet();
    }

    /** The user-agent stylesheet as a URL string, ready for {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        var url = UiTheme.class.getResource(stylesheet);
        if (url == null) {
            throw new IllegalStateException("AtlantaFX stylesheet missing from the class path: " + stylesheet);
        }
        return url.toExternalForm();
    }

    public UiTheme toggled() {
        return this == LIGHT ? DARK : LIGHT;
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
}
