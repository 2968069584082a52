package org.natter.common.fx;

import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * An app's user-visible texts: one resource bundle (FXML uses it as {@code %key}), its patterns filled in with
 * {@link MessageFormat}. Each app names its own bundle; nothing here knows which.
 */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The bundle with this base name (such as {@code org.natter.server.ui.messages}) for the default locale. */
    public static Messages load(String baseName) {
        return new Messages(ResourceBundle.getBundle(baseName));
    }

    /** For {@code FXMLLoader}. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in when there are any. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
