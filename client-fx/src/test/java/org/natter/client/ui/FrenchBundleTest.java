package org.natter.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The French client texts match the English ones key for key, and every pattern is a working MessageFormat. */
class FrenchBundleTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private final Properties english = load("messages.properties");
    private final Properties french = load("messages_fr.properties");

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(french.stringPropertyNames()).as("keys missing from the French bundle")
                .containsAll(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).as("keys only in the French bundle")
                .containsAll(french.stringPropertyNames());
    }

    @Test
    void everyPatternFormatsWithSampleArguments() {
        check(english, Locale.ENGLISH);
        check(french, Locale.FRENCH);
    }

    @Test
    void frenchPatternsTakeTheSameArgumentsAsTheEnglishOnes() {
        for (String key : english.stringPropertyNames()) {
            if (french.containsKey(key)) {
                assertThat(arguments(french.getProperty(key))).as(key).isEqualTo(arguments(english.getProperty(key)));
            }
        }
    }

    @Test
    void frenchTextsHaveNoLoneStraightApostrophe() {
        // MessageFormat would swallow it (and quote what follows); French texts use the typographic one.
        for (String key : french.stringPropertyNames()) {
            assertThat(french.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
        }
    }

    @Test
    void frenchCountsAgreeWithTheNumber() {
        assertThat(new MessageFormat(french.getProperty("rooms.line"), Locale.FRENCH).format(new Object[] {"maths", 1}))
                .isEqualTo("#maths · 1 présent");
        assertThat(new MessageFormat(french.getProperty("rooms.line"), Locale.FRENCH).format(new Object[] {"maths", 3}))
                .isEqualTo("#maths · 3 présents");
        assertThat(new MessageFormat(french.getProperty("rooms.dialog.count"), Locale.FRENCH).format(new Object[] {1}))
                .isEqualTo("1 salon sur ce serveur");
    }

    private static void check(Properties bundle, Locale locale) {
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            assertThatCode(() -> {
                MessageFormat format = new MessageFormat(pattern, locale);
                Format[] formats = format.getFormatsByArgumentIndex();
                Object[] samples = new Object[formats.length];
                for (int i = 0; i < formats.length; i++) {
                    samples[i] = formats[i] instanceof NumberFormat || formats[i] instanceof ChoiceFormat ? 2 : "ada";
                }
                assertThat(format.format(samples)).isNotBlank();
            }).as("%s (%s)", key, locale).doesNotThrowAnyException();
        }
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(I18n.class.getResourceAsStream(name), name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
