package org.natter.common.fx;

import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * An app's user-visible texts: one resource bundle (FXML uses it as {@code %key}), its patterns filled in with
 * {@link MessageFormat}. Each app names its own bundle; nothing here knows which.
 *
 * <p>Every text is a MessageFormat pattern, with or without arguments, so an apostrophe is written {@code ''}
 * everywhere; {@link #bundle()} hands FXML the texts already through MessageFormat for the same reason.
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

    /** For {@code FXMLLoader}: the texts as a window shows them ({@code ''} read as one apostrophe). */
    public ResourceBundle bundle() {
        return new Formatted(bundle);
    }

    /** The locale of the texts found (the root bundle, English, has {@link Locale#ROOT}). */
    public Locale locale() {
        return bundle.getLocale();
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in when there are any. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }

    /** The bundle with each text passed once through MessageFormat, without arguments. */
    private static final class Formatted extends ResourceBundle {
        private final ResourceBundle patterns;

        Formatted(ResourceBundle patterns) {
            this.patterns = patterns;
        }

        @Override
        protected Object handleGetObject(String key) {
            return patterns.containsKey(key) ? new MessageFormat(patterns.getString(key), patterns.getLocale()).format(new Object[0])
                    : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return patterns.getKeys();
        }

        @Override
        public Locale getLocale() {
            return patterns.getLocale();
        }
    }
}
