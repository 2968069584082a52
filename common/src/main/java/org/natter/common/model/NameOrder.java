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
 * variants of O, L, D, T, AE and OE.
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
        Comparator<String> byCollator = own::compare;
        return byCollator.thenComparing(Comparator.naturalOrder());
    }
}
