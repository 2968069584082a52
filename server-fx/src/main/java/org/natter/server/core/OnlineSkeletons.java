package org.natter.server.core;

import java.util.HashMap;
import java.util.Map;
import org.natter.common.protocol.NameSkeleton;

/**
 * The {@link NameSkeleton skeletons} of the names online, so that no two users online have names a person could
 * take for each other ("alice" and "аlice" with a Cyrillic а). A skeleton is computed once per login and kept
 * with the session until it leaves. Owned by the chat's sequencer: no locking.
 */
final class OnlineSkeletons {

    private final Map<String, Session> bySkeleton = new HashMap<>();
    private final Map<Long, String> ofSession = new HashMap<>();

    /** The user online whose name looks like this skeleton's, or {@code null}. */
    Session holder(String skeleton) {
        return bySkeleton.get(skeleton);
    }

    void claim(String skeleton, Session session) {
        bySkeleton.put(skeleton, session);
        ofSession.put(session.id(), skeleton);
    }

    void release(Session session) {
        String skeleton = ofSession.remove(session.id());
        if (skeleton != null) {
            bySkeleton.remove(skeleton, session);
        }
    }

    void clear() {
        bySkeleton.clear();
        ofSession.clear();
    }
}
