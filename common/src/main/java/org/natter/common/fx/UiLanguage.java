package org.natter.common.fx;

import java.util.Locale;

/**
 * The languages both apps speak. SYSTEM follows the computer's language (French when it is French, English
 * otherwise); the other two override it. Chosen in the settings and applied once, before the first window opens.
 */
public enum UiLanguage {
    SYSTEM(null),
    ENGLISH(Locale.ENGLISH),
    FRENCH(Locale.FRENCH);

    /** The computer's own locale, taken before any {@link #apply()} changes the default. */
    private static final Locale SYSTEM_LOCALE = Locale.getDefault();

    private final Locale locale;

    UiLanguage(Locale locale) {
        this.locale = locale;
    }

    /** The language with this name in any case, or SYSTEM for anything unknown (an edited settings file). */
    public static UiLanguage parse(String name) {
        if (name != null) {
            for (UiLanguage language : values()) {
                if (language.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                    return language;
                }
            }
        }
        return SYSTEM;
    }

    /** The locale the texts, dates and times follow with this choice. */
    public Locale locale() {
        return locale == null ? SYSTEM_LOCALE : locale;
    }

    /**
     * Makes this language the default locale of the application. Call it before any window, bundle or JavaFX dialog
     * button is made: JavaFX reads its own button texts (OK, Cancel) once.
     */
    public void apply() {
        Locale.setDefault(locale());
    }
}
