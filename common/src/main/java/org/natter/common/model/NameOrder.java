package org.natter.common.model;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * The order names are listed in: a {@link Collator} for the user's locale, so accents, case and scripts sort the
 * way a reader expects rather than by code point. The JDK's rules leave some letters that have no decomposition
 * (Ø, Ł, Đ, Þ, Æ, Œ) after "z"; outside the languages where they are letters of their own, they are sorted as
 * variants of O, L, D, T, AE and OE. Numbers in names sort by their value, so {@code pupil_2} comes before
 * {@code pupil_10}, as a class list numbered by a teacher reads.
 */
public final class NameOrder {

    private static final Set<String> OWN_ORDER = Set.of("da", "nb", "nn", "no", "is", "fo", "sv", "fi", "pl", "hr", "sr");
    private static final String VARIANTS = "& o ; ø , Ø & l ; ł , Ł & d ; đ , Đ & t ; þ , Þ & ae ; æ , Æ & oe ; œ , Œ";

    private NameOrder() {
    }

    /** For the default locale. */
    public static Comparator<String> comparator() {
        return comparator(Locale.getDefault());
    }

    public static Comparator<String> comparator(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        if (collator instanceof RuleBasedCollator rules && !OWN_ORDER.contains(locale.getLanguage())) {
            try {
                collator = new RuleBasedCollator(rules.getRules() + VARIANTS);
            } catch (ParseException e) {
                throw new IllegalStateException("The name order rules do not parse", e);
            }
        }
        collator.setStrength(Collator.SECONDARY);
        // Collators are not thread-safe; each comparator has its own, used on one thread.
        Collator own = collator;
        Comparator<String> byCollator = (a, b) -> compareByParts(own, a, b);
        return byCollator.thenComparing(Comparator.naturalOrder());
    }

    /** Compares run by run: runs of digits by value, the text between them with the collator. */
    private static int compareByParts(Collator collator, String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = runEnd(a, i);
            int endB = runEnd(b, j);
            boolean digitsA = isDigit(a.charAt(i));
            boolean digitsB = isDigit(b.charAt(j));
            int order = digitsA && digitsB
                    ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
                    : collator.compare(a.substring(i, endA), b.substring(j, endB));
            if (order != 0) {
                return order;
            }
            i = endA;
            j = endB;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Where the run of digits, or of other characters, that starts at {@code from} ends. */
    private static int runEnd(String text, int from) {
        boolean digits = isDigit(text.charAt(from));
        int end = from + 1;
        while (end < text.length() && isDigit(text.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    /** By value, without parsing (a run may be longer than a long): fewer significant digits is smaller. */
    private static int compareNumbers(String a, String b) {
        String valueA = withoutLeadingZeros(a);
        String valueB = withoutLeadingZeros(b);
        int order = Integer.compare(valueA.length(), valueB.length());
        return order != 0 ? order : valueA.compareTo(valueB);
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
