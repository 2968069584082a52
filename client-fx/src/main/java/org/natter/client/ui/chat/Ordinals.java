package org.natter.client.ui.chat;

/** English ordinal numbers: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th. */
final class Ordinals {

    private Ordinals() {
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
