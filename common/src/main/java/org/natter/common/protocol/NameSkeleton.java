package org.natter.common.protocol;

/**
 * The form two names share when a person could not tell them apart: the UTS #39 skeleton of the name's
 * {@link Names#key key}. "alice", "ALICE", "аlice" (Cyrillic а), "alіce" (Ukrainian і) all have the skeleton
 * "alice"; "user1" and "userl" share one too. The server lets only one name of each skeleton be
 * online at a time, and refuses a room whose skeleton another room has.
 *
 * <p>Costs a few microseconds (ICU's confusable table), so compute it once per login or room, not per message.
 * Any thread.
 */
public final class NameSkeleton {

    private NameSkeleton() {
    }

    /** The skeleton of a name (user or room); case and compatibility forms are folded first. */
    public static String of(String name) {
        return Uts39.CHECKER.getSkeleton(Names.key(Names.normalize(name)));
    }

    /** True when a person could take one name for the other. */
    public static boolean confusable(String a, String b) {
        return of(a).equals(of(b));
    }
}
