package org.natter.server.core.room;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ProtocolLimits;

/**
 * A sorted list of names kept in pages of at most {@link ProtocolLimits#NAMES_PER_PAGE}, each page's JSON kept
 * encoded until the page changes. Version 3 sends the users online and a room's members as {@code users} and
 * {@code members} pages: a login then costs the server a copy of bytes it already has, not the encoding of every
 * name online, which made a storm of logins O(N²) in JSON work.
 *
 * <p>A change touches one page: finding it is a binary search over the pages, inserting into it moves at most a
 * page of references. Owned by the chat's sequencer, like the registry and rooms that hold one; the encoded bytes
 * it hands out are never changed afterwards (a changed page gets new ones), so other threads may send them.
 */
public final class NamePages {

    /** The order of names everywhere in the protocol: ignoring case, then exactly. */
    public static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private static final byte[] MORE = bytes("],\"more\":true}\n");
    private static final byte[] LAST = bytes("],\"more\":false}\n");
    private static final byte[] USERS_PREFIX = bytes("{\"type\":\"users\",\"names\":[");

    private final int pageSize;
    private final List<Page> pages = new ArrayList<>();
    private int size;

    public NamePages() {
        this(ProtocolLimits.NAMES_PER_PAGE);
    }

    /** With smaller pages, for tests that need many pages without many names. */
    NamePages(int pageSize) {
        if (pageSize < 2) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** Adds a name; false when it is there already. */
    public boolean add(String name) {
        if (pages.isEmpty()) {
            pages.add(new Page());
        }
        int index = pageFor(name);
        Page page = pages.get(index);
        int at = Collections.binarySearch(page.names, name, BY_NAME);
        if (at >= 0) {
            return false;
        }
        page.names.add(-at - 1, name);
        page.json.add(-at - 1, FrameCodec.jsonStringBytes(name));
        page.encoded = null;
        size++;
        if (page.names.size() > pageSize) {
            split(index);
        }
        return true;
    }

    /** Removes a name; false when it was not there. */
    public boolean remove(String name) {
        if (pages.isEmpty()) {
            return false;
        }
        int index = pageFor(name);
        Page page = pages.get(index);
        int at = Collections.binarySearch(page.names, name, BY_NAME);
        if (at < 0) {
            return false;
        }
        page.names.remove(at);
        page.json.remove(at);
        page.encoded = null;
        size--;
        mergeIfSmall(index);
        return true;
    }

    public void clear() {
        pages.clear();
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Every name, sorted (a copy). */
    public List<String> all() {
        List<String> all = new ArrayList<>(size);
        pages.forEach(page -> all.addAll(page.names));
        return List.copyOf(all);
    }

    /** How many pages a list of these names takes on the wire (at least one: an empty list is one empty page). */
    public int pageCount() {
        return Math.max(1, pages.size());
    }

    /**
     * The names as page frames, one JSON line each: {@code prefix} (the frame up to its names array, such as
     * {@code {"type":"users","names":[}), the page's names, then {@code "more"}: true but on the last page.
     * The parts are the kept bytes themselves, not copies; nobody changes them.
     */
    public List<byte[]> frames(byte[] prefix) {
        List<byte[]> parts = new ArrayList<>(3 * pageCount() + 1);
        if (pages.isEmpty()) {
            parts.add(prefix);
            parts.add(LAST);
        }
        for (int i = 0; i < pages.size(); i++) {
            parts.add(prefix);
            parts.add(pages.get(i).encoded());
            parts.add(i == pages.size() - 1 ? LAST : MORE);
        }
        return parts;
    }

    /** The start of a {@code users} page. */
    public static byte[] usersPrefix() {
        return USERS_PREFIX;
    }

    /** The start of a {@code members} page of {@code room}. */
    public static byte[] membersPrefix(String room) {
        return bytes("{\"type\":\"members\",\"room\":" + FrameCodec.jsonString(room) + ",\"names\":[");
    }

    /** The page that holds, or would hold, {@code name}: the first whose last name is not before it, else the last. */
    private int pageFor(String name) {
        int low = 0;
        int high = pages.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            List<String> names = pages.get(middle).names;
            if (names.isEmpty() || BY_NAME.compare(names.get(names.size() - 1), name) >= 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private void split(int index) {
        Page full = pages.get(index);
        int half = full.names.size() / 2;
        Page upper = new Page();
        List<String> moved = full.names.subList(half, full.names.size());
        upper.names.addAll(moved);
        moved.clear();
        List<byte[]> movedJson = full.json.subList(half, full.json.size());
        upper.json.addAll(movedJson);
        movedJson.clear();
        full.encoded = null;
        pages.add(index + 1, upper);
    }

    /** Joins a page with its next one when both fit in half a page, so that churn does not leave many tiny pages. */
    private void mergeIfSmall(int index) {
        Page page = pages.get(index);
        if (page.names.isEmpty()) {
            pages.remove(index);
            return;
        }
        if (index + 1 < pages.size() && page.names.size() + pages.get(index + 1).names.size() <= pageSize / 2) {
            Page next = pages.remove(index + 1);
            page.names.addAll(next.names);
            page.json.addAll(next.json);
            page.encoded = null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Page {
        final ArrayList<String> names = new ArrayList<>();
        /** Each name as a JSON string, kept beside it: a changed page is joined again, not encoded again. */
        final ArrayList<byte[]> json = new ArrayList<>();
        /** The names as the inside of a JSON array, or null when they changed since. */
        byte[] encoded;

        byte[] encoded() {
            if (encoded == null) {
                int length = Math.max(0, json.size() - 1);
                for (byte[] name : json) {
                    length += name.length;
                }
                byte[] joined = new byte[length];
                int at = 0;
                for (byte[] name : json) {
                    if (at > 0) {
                        joined[at++] = ',';
                    }
                    System.arraycopy(name, 0, joined, at, name.length);
                    at += name.length;
                }
                encoded = joined;
            }
            return encoded;
        }
    }
}
