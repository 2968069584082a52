package org.natter.client.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The client's user-visible text ({@code org/natter/client/ui/messages.properties}); FXML uses it as {@code %key}. */
public final class I18n {

    public static final String BUNDLE = "org.natter.client.ui.messages";

    private I18n() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in when there are any. */
    public static String text(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle().getLocale()).format(args);
    }
}
