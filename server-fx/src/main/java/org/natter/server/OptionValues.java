package org.natter.server;

import java.util.List;

/**
 * Reading the values of command-line options, with a sentence for each mistake: shared by
 * {@link ServerCommandLine} and {@code natter bench}'s options.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The argument after {@code option}, at {@code index}. */
    public static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(index);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int integer(String option, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not \"" + text + "\".");
        }
    }
}
