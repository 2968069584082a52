package org.natter.client.ui.chat;

import org.natter.client.ui.I18n;

/** Ordinal numbers: English 1st, 2nd, 3rd, 4th, 11th, 21st, 111th; French (feminine, for "personne") 1re, 2e. */
final class Ordinals {

    private Ordinals() {
    }

    /** In the language of the texts. */
    static String of(int n) {
        return "fr".equals(I18n.locale().getLanguage()) ? french(n) : english(n);
    }

    static String french(int n) {
        return n == 1 ? "1re" : n + "e";
    }

    static String english(int n) {
        int lastTwo = Math.abs(n) % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (lastTwo % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
