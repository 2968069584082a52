package org.natter.client.net.doctor;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the doctor found at one step: passed or failed, with a sentence a student understands. The sentences live in
 * a resource bundle ({@code diagnosis.properties}, one per language), so the window and the terminal say the same.
 *
 * @param check  the step
 * @param passed whether the step succeeded
 * @param key    the sentence's key in the bundle, without the {@code doctor.} prefix
 * @param args   the sentence's arguments (host, port, the server's own words, ...)
 */
public record Finding(Check check, boolean passed, String key, List<Object> args) {

    private static final String BUNDLE = "org.natter.client.net.doctor.diagnosis";

    public Finding {
        args = List.copyOf(args);
    }

    static Finding passed(Check check, String key, Object... args) {
        return new Finding(check, true, key, List.of(args));
    }

    static Finding failed(Check check, String key, Object... args) {
        return new Finding(check, false, key, List.of(args));
    }

    /** The sentence in the given language (English when there is no bundle for it). */
    public String sentence(Locale locale) {
        return format("doctor." + key, locale, args.toArray());
    }

    /** The step's name, for a list of steps. */
    public static String title(Check check, Locale locale) {
        return format("doctor.check." + check.name().toLowerCase(Locale.ROOT), locale);
    }

    private static String format(String key, Locale locale, Object... args) {
        // No fallback to the default locale: English asked for on a French system is English.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
