package org.natter.client.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.MembersPage;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.UsersPage;

/**
 * Puts version 3's lists of names back together, so that the rest of the library sees what a version-2 server
 * sends: a {@code login_ok} whose names follow in {@code users} pages is held until its last page and until
 * {@code general}'s {@code room} frame and its {@code members} pages, then handed on with the names and with
 * {@code general} in its {@code rooms}, followed by that {@code room}; any other {@code room} is held until its
 * last {@code members} page.
 *
 * A {@code room} that says {@code everyone} (general at login) takes the names of the login's {@code users} pages.
 *
 * <p>The server sends a list's pages back to back, so only its prompt replies ({@code pong}, {@code ping}) can
 * come between them; those pass straight through.
 *
 * <p>One per link; its reader thread's alone.
 */
final class NamePageAssembler {

    /** A login answer waiting for its names or for general's room frame, or null. */
    private LoginOk login;
    /** True while the names of {@link #login} are still coming. */
    private boolean loginNamesComing;
    /** A room frame waiting for its members, or null. */
    private RoomState room;
    private final List<String> names = new ArrayList<>();

    /**
     * Takes the next frame from the server.
     *
     * @return the frames to handle now, in order: none while a list is gathered, the whole frames once it is
     * @throws ProtocolException when a page comes without a list it belongs to, or a list is longer than the limit
     */
    List<ServerFrame> take(ServerFrame frame) throws ProtocolException {
        if (frame instanceof UsersPage page) {
            if (login == null || !loginNamesComing) {
                throw unexpected("users");
            }
            if (gathered(page.names(), page.more())) {
                login = login.withUsers(List.copyOf(names));
                loginNamesComing = false;
                names.clear();
            }
            return List.of();
        }
        if (frame instanceof MembersPage page) {
            if (room == null || !Objects.equals(room.room(), page.room())) {
                throw unexpected("members");
            }
            return gathered(page.names(), page.more()) ? roomComplete() : List.of();
        }
        if (frame instanceof Ping || frame instanceof Pong || login == null && room == null) {
            return startOrPass(frame);
        }
        if (login != null && !loginNamesComing && room == null && frame instanceof RoomState state) {
            return startOrPass(state);
        }
        // Not what the server should send now: hand on what was gathered, then this frame.
        List<ServerFrame> out = new ArrayList<>();
        if (login != null && !loginNamesComing) {
            out.add(login);
            login = null;
        }
        out.addAll(startOrPass(frame));
        return out;
    }

    private List<ServerFrame> startOrPass(ServerFrame frame) {
        if (frame instanceof LoginOk ok && ok.namesFollow()) {
            login = ok;
            loginNamesComing = true;
            names.clear();
            return List.of();
        }
        if (frame instanceof RoomState state && state.membersFollow()) {
            room = state;
            names.clear();
            return List.of();
        }
        if (frame instanceof RoomState state && state.isEveryone()) {
            // General at login, its members the names online just sent; anywhere else it has no list to name.
            return login != null ? loginWith(state.withUsers(login.users())) : List.of(state.withUsers(List.of()));
        }
        if (frame instanceof RoomState state && login != null) {
            return loginWith(state);
        }
        return List.of(frame);
    }

    private List<ServerFrame> roomComplete() {
        RoomState whole = room.withUsers(List.copyOf(names));
        room = null;
        names.clear();
        return login != null ? loginWith(whole) : List.of(whole);
    }

    /** The held login with general in its rooms, as version 2 sends it, and general's room frame after it. */
    private List<ServerFrame> loginWith(RoomState general) {
        LoginOk ok = login;
        login = null;
        return List.of(new LoginOk(ok.re(), ok.name(), ok.number(), ok.text(), ok.users(), ok.welcome(),
                List.of(general)), general);
    }

    /** Adds a page; true when it was the last. */
    private boolean gathered(List<String> page, boolean more) throws ProtocolException {
        if (names.size() + page.size() > ProtocolLimits.MAX_LISTED_NAMES) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The server sent a list of more than "
                    + ProtocolLimits.MAX_LISTED_NAMES + " names.");
        }
        names.addAll(page);
        return !more;
    }

    private static ProtocolException unexpected(String type) {
        return new ProtocolException(ErrorCode.BAD_JSON, "The server sent a \"" + type
                + "\" page that belongs to no list.");
    }
}
