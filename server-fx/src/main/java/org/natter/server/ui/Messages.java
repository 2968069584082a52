package org.natter.server.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The window's texts (messages.properties), formatted with {@link MessageFormat}. */
public final class Messages {

    public static final String BUNDLE = "org.natter.server.ui.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return new Messages(ResourceBundle.getBundle(BUNDLE));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
