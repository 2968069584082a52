package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.MembersPage;
import org.natter.common.protocol.Part;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.UsersPage;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.room.NamePages;

/**
 * Version 3: the names online and a room's members come in pages after {@code login_ok} and {@code room}, each
 * line within the protocol's limit however many are online (the client's line reader would refuse a longer one);
 * version 2 still gets them inside those frames.
 */
class NamePagesLoginTest {

    /** More than a page, so that the list needs two. */
    private static final int ONLINE = ProtocolLimits.NAMES_PER_PAGE + 50;

    private final RawClients clients = new RawClients();
    private final TreeSet<String> online = new TreeSet<>(NamePages.BY_NAME);
    private ChatServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).maxUsers(1_000)
                .addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
        for (int i = 0; i < ONLINE; i++) {
            // Mixed case, so that the pages must be in the protocol's order (ignoring case), not in login order.
            login((i % 2 == 0 ? "User" : "user") + (ONLINE - i), 2);
        }
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.close();
    }

    @Test
    void aVersionThreeLoginGetsTheNamesInPagesThenGeneralWithItsMembersInPages() throws IOException {
        RawClient ada = connect();
        ada.send(new Login("1", "ada", 3));
        online.add("ada");

        LoginOk ok = ada.next(LoginOk.class);
        assertThat(ok.re()).isEqualTo("1");
        assertThat(ok.userCount()).isEqualTo(ONLINE + 1);
        assertThat(ok.users()).as("the names come in pages").isEmpty();
        assertThat(ok.rooms()).as("general comes in its own room frame").isEmpty();
        assertThat(pages(ada, UsersPage.class)).containsExactlyElementsOf(online);

        RoomState general = (RoomState) ada.next();
        assertThat(general.room()).isEqualTo("general");
        assertThat(general.count()).isEqualTo(ONLINE + 1);
        assertThat(general.users()).isEmpty();
        assertThat(general.isEveryone()).as("everyone online is in general: its members are the names sent").isTrue();
        assertThat(ada.next()).as("the replay follows, no members pages").isInstanceOf(History.class);
    }

    @Test
    void whenSomeoneOnlineIsNotInGeneralItsMembersComeInPages() throws IOException {
        RawClient loner = login("loner", 3);
        loner.send(new Part("9", "general"));
        loner.next(Parted.class);
        online.remove("loner");

        RawClient ada = connect();
        ada.send(new Login("1", "ada", 3));
        online.add("ada");
        assertThat(ada.next(LoginOk.class).userCount()).isEqualTo(ONLINE + 2);
        List<String> users = pages(ada, UsersPage.class);
        assertThat(users).contains("loner").hasSize(ONLINE + 2);
        RoomState general = (RoomState) ada.next();
        assertThat(general.isEveryone()).isFalse();
        assertThat(general.count()).isEqualTo(ONLINE + 1);
        assertThat(pages(ada, MembersPage.class)).containsExactlyElementsOf(online);
        assertThat(ada.next()).as("the replay follows the last page").isInstanceOf(History.class);
    }

    @Test
    void aJoinOfAVersionThreeClientListsTheRoomsMembersInPages() throws IOException {
        RawClient bob = login("bob", 3);
        bob.send(new Join("7", "maths"));
        RoomState maths = bob.next(RoomState.class);
        while (!"maths".equals(maths.room())) {
            maths = bob.next(RoomState.class);
        }
        assertThat(maths.re()).isEqualTo("7");
        assertThat(maths.count()).isEqualTo(1);
        assertThat(pages(bob, MembersPage.class)).containsExactly("bob");
    }

    @Test
    void versionTwoStillGetsEveryNameInsideLoginOk() throws IOException {
        RawClient carol = connect();
        carol.send(new Login("2", "carol", 2));
        online.add("carol");
        LoginOk ok = carol.next(LoginOk.class);
        assertThat(ok.userCount()).isNull();
        assertThat(ok.users()).containsExactlyElementsOf(online);
        RoomState general = carol.next(RoomState.class);
        assertThat(general.count()).isNull();
        assertThat(general.users()).containsExactlyElementsOf(online);
    }

    /** Reads pages up to the last one: each must be the next frame, within the page size, and only the last ends. */
    private static List<String> pages(RawClient client, Class<? extends ServerFrame> type) throws IOException {
        List<String> names = new ArrayList<>();
        int count = 0;
        while (true) {
            ServerFrame frame = client.next();
            assertThat(frame).as("page %d", count).isInstanceOf(type);
            List<String> page = frame instanceof UsersPage users ? users.names() : ((MembersPage) frame).names();
            boolean more = frame instanceof UsersPage users ? users.more() : ((MembersPage) frame).more();
            assertThat(page).hasSizeLessThanOrEqualTo(ProtocolLimits.NAMES_PER_PAGE);
            names.addAll(page);
            count++;
            if (!more) {
                return names;
            }
        }
    }

    private RawClient login(String name, int version) throws IOException {
        online.add(name);
        return clients.login(port, name, version);
    }

    private RawClient connect() throws IOException {
        return clients.connect(port);
    }
}
