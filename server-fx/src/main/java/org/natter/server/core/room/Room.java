package org.natter.server.core.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.NameSkeleton;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;

/**
 * One room: its name, who created it, its topic and its members. Owned by the chat's sequencer: every read and
 * change happens there, so it needs no locking.
 */
public final class Room {

    static final Comparator<String> BY_NAME = NamePages.BY_NAME;

    private final String name;
    private final String key;
    private final String skeleton;
    private final String creator;
    private final boolean permanent;
    private final Set<Member> members = new LinkedHashSet<>();
    /** The members' names, kept sorted in pages as they come and go: a join's room frame costs no sort, no encoding. */
    private final NamePages sortedNames = new NamePages();
    /** Members that speak version 1 and so get every {@code joined} and {@code left} one by one. */
    private int versionOneMembers;
    /** The members grouped by I/O thread for {@link FanOut}; made again on the first broadcast after a change. */
    private List<FanOut.Group> groups = List.of();
    private boolean groupsStale;
    private final Deque<Message> recent = new ArrayDeque<>();
    private boolean recentComplete = true;
    private String topic = "";
    private long messages;
    private long emptySince = -1;
    private final RoomPolicy policy = new RoomPolicy();

    /**
     * @param creator   the user who created it, or {@code null} for the operator
     * @param permanent stays when empty (the operator's rooms and {@code general})
     */
    Room(String name, String creator, boolean permanent) {
        this.name = Names.normalize(name);
        this.key = Names.key(this.name);
        this.skeleton = NameSkeleton.of(this.name);
        this.creator = creator;
        this.permanent = permanent;
    }

    public String name() {
        return name;
    }

    /** The {@link NameSkeleton} of the name, computed once. */
    public String skeleton() {
        return skeleton;
    }

    public String key() {
        return key;
    }

    /** The user who created it, or {@code null} when the operator did. */
    public String creator() {
        return creator;
    }

    /** Who may post and how often (moderated, slow mode). */
    public RoomPolicy policy() {
        return policy;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public String topic() {
        return topic;
    }

    public void setTopic(String newTopic) {
        topic = newTopic == null ? "" : newTopic;
    }

    /** May this user set the topic? Its creator may; the operator always may, through the admin API. */
    public boolean isCreator(String userName) {
        return creator != null && Names.key(creator).equals(Names.key(userName));
    }

    public boolean add(Member member) {
        boolean added = members.add(member);
        if (added) {
            sortedNames.add(member.name());
            versionOneMembers += member.speaksRooms() ? 0 : 1;
        }
        groupsStale |= added;
        return added;
    }

    public boolean remove(Member member) {
        boolean removed = members.remove(member);
        if (removed) {
            sortedNames.remove(member.name());
            versionOneMembers -= member.speaksRooms() ? 0 : 1;
        }
        groupsStale |= removed;
        return removed;
    }

    /**
     * The members as they are now, grouped by I/O thread in arrays that never change: a broadcast may hand them to
     * other threads. Rebuilt lazily, so a login storm (many joins, few broadcasts) does not copy the room per join.
     */
    List<FanOut.Group> groups() {
        if (groupsStale) {
            groups = FanOut.group(members);
            groupsStale = false;
        }
        return groups;
    }

    public boolean contains(Member member) {
        return members.contains(member);
    }

    public Set<Member> members() {
        return Collections.unmodifiableSet(members);
    }

    public int size() {
        return members.size();
    }

    public void countMessage() {
        messages++;
    }

    /**
     * Keeps a delivered message for the replay a joiner gets, at most {@code capacity}; older ones are dropped
     * (they stay in the store).
     */
    public void remember(Message message, int capacity) {
        recent.addLast(message);
        while (recent.size() > capacity) {
            recent.removeFirst();
            recentComplete = false;
        }
    }

    /** Seeds the replay from the store at start: the room's last messages, oldest first. */
    public void seed(List<Message> stored, boolean complete) {
        recent.clear();
        recent.addAll(stored);
        recentComplete = complete;
    }

    /** The messages a joiner is shown, oldest first. */
    public List<Message> recent() {
        return List.copyOf(recent);
    }

    /** True when {@link #recent()} holds everything ever said in the room (nothing older exists). */
    public boolean recentIsComplete() {
        return recentComplete;
    }

    public void forgetHistory() {
        recent.clear();
        recentComplete = true;
        messages = 0;
    }

    /** Marks when the room became empty (for the grace before removal); a new member clears it. */
    public long emptySince() {
        return emptySince;
    }

    public void setEmptySince(long nanos) {
        emptySince = nanos;
    }

    public List<String> memberNames() {
        return sortedNames.all();
    }

    /** True when some member speaks version 1 (and so is told of each login and leave alone). */
    public boolean hasVersionOneMembers() {
        return versionOneMembers > 0;
    }

    /** The {@code room} frame a version-2 joiner receives: the members listed in it. */
    public RoomState state(String requestId) {
        return state(requestId, memberNames(), null, null);
    }

    /**
     * What a version-3 joiner receives: the {@code room} frame with the members' count, then their names in
     * {@code members} pages, as JSON lines ready to send.
     */
    public List<byte[]> stateInPages(String requestId) {
        List<byte[]> lines = new ArrayList<>();
        lines.add(FrameCodec.encodeLine(state(requestId, List.of(), sortedNames.size(), null)));
        lines.addAll(sortedNames.frames(NamePages.membersPrefix(name)));
        return lines;
    }

    /**
     * The version-3 {@code room} frame that says its members are the names online just sent, without pages: at
     * login, when every user online is in the room, which halves what a login in a big chat costs.
     */
    public byte[] stateOfEveryone() {
        return FrameCodec.encodeLine(state(null, List.of(), sortedNames.size(), true));
    }

    private RoomState state(String requestId, List<String> names, Integer count, Boolean everyone) {
        return new RoomState(requestId, name, topic.isEmpty() ? null : topic, names,
                policy.isModerated() ? Boolean.TRUE : null,
                policy.slowMode().isZero() ? null : (int) policy.slowMode().toSeconds(), count, everyone);
    }

    public RoomSummary summary() {
        return new RoomSummary(name, topic.isEmpty() ? null : topic, members.size());
    }

    public RoomInfo info() {
        return new RoomInfo(name, topic, memberNames(), messages, creator, permanent, policy.isModerated(),
                policy.allowed(), (int) policy.slowMode().toSeconds());
    }

    @Override
    public String toString() {
        return "#" + name;
    }

}
