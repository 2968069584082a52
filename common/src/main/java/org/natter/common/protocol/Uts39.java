package org.natter.common.protocol;

import com.ibm.icu.text.SpoofChecker;

/**
 * The one ICU spoof checker of the process (Unicode Technical Standard #39), built once on first use: building
 * it loads ICU's confusable data, and a built checker is safe to use from many threads at once.
 */
final class Uts39 {

    /**
     * Moderately restrictive: one script per name, or Latin with one other script except Cyrillic, Greek and
     * Cherokee (the scripts whose letters pass for Latin ones), or Latin with the Han, kana and Hangul mixes
     * Chinese, Japanese and Korean names need. Also refuses digits from two number systems ("a1١").
     */
    static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .build();

    private Uts39() {
    }
}
