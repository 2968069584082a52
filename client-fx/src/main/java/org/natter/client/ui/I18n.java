package org.natter.client.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import org.natter.common.fx.Messages;

/** The client's user-visible text ({@code org/natter/client/ui/messages.properties}); FXML uses it as {@code %key}. */
public final class I18n {

    public static final String BUNDLE = "org.natter.client.ui.messages";

    private I18n() {
    }

    public static ResourceBundle bundle() {
        return messages().bundle();
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in when there are any. */
    public static String text(String key, Object... args) {
        return messages().get(key, args);
    }

    /** The locale of the texts in use: {@link Locale#ROOT} for English, the bundle's own otherwise. */
    public static Locale locale() {
        return messages().locale();
    }

    private static Messages messages() {
        // ResourceBundle caches the bundle; looking it up each time follows a change of the default locale.
        return Messages.load(BUNDLE);
    }
}
