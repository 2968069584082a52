package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.History;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.MembersPage;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.UsersPage;

/** Version 3's pages become the frames version 2 sends, which is all the rest of the library knows. */
class NamePageAssemblerTest {

    private final NamePageAssembler assembler = new NamePageAssembler();

    @Test
    void aPagedLoginBecomesTheVersionTwoLoginOkAndGeneralsRoomFrame() throws ProtocolException {
        assertThat(assembler.take(new LoginOk("1", "ada", 3, "You are user number 3.", List.of(), null, List.of(), 3)))
                .isEmpty();
        assertThat(assembler.take(new UsersPage(List.of("ada", "bob"), true))).isEmpty();
        Pong between = new Pong(null);
        assertThat(assembler.take(between)).as("a prompt reply passes while a list is gathered").containsExactly(between);
        assertThat(assembler.take(new UsersPage(List.of("carol"), false))).isEmpty();
        assertThat(assembler.take(new RoomState(null, "general", "hi", List.of(), null, null, 3))).isEmpty();
        assertThat(assembler.take(new MembersPage("general", List.of("ada"), true))).isEmpty();

        RoomState general = new RoomState(null, "general", "hi", List.of("ada", "bob", "carol"), null, null);
        assertThat(assembler.take(new MembersPage("general", List.of("bob", "carol"), false))).containsExactly(
                new LoginOk("1", "ada", 3, "You are user number 3.", List.of("ada", "bob", "carol"), null, List.of(general)),
                general);
        History replay = new History(null, "general", null, List.of(), true);
        assertThat(assembler.take(replay)).containsExactly(replay);
    }

    @Test
    void generalAtLoginWithEveryoneTakesTheNamesOnline() throws ProtocolException {
        assembler.take(new LoginOk("1", "ada", 2, "You are user number 2.", List.of(), null, List.of(), 2));
        assertThat(assembler.take(new UsersPage(List.of("ada", "bob"), false))).isEmpty();
        RoomState general = new RoomState(null, "general", null, List.of("ada", "bob"), null, null);
        assertThat(assembler.take(new RoomState(null, "general", null, List.of(), null, null, 2, true))).containsExactly(
                new LoginOk("1", "ada", 2, "You are user number 2.", List.of("ada", "bob"), null, List.of(general)),
                general);
    }

    @Test
    void aJoinedRoomIsHeldUntilItsLastMembersPage() throws ProtocolException {
        assertThat(assembler.take(new RoomState("2", "maths", "sums", List.of(), true, null, 2))).isEmpty();
        assertThat(assembler.take(new MembersPage("maths", List.of("ada"), true))).isEmpty();
        assertThat(assembler.take(new MembersPage("maths", List.of("bob"), false)))
                .containsExactly(new RoomState("2", "maths", "sums", List.of("ada", "bob"), true, null));
    }

    @Test
    void versionTwoFramesPassUnchanged() throws ProtocolException {
        RoomState listed = new RoomState(null, "general", null, List.of("ada"));
        assertThat(assembler.take(listed)).containsExactly(listed);
        LoginOk ok = new LoginOk("1", "ada", 1, "", List.of("ada"), null, List.of(listed));
        assertThat(assembler.take(ok)).containsExactly(ok);
    }

    @Test
    void refusesAPageThatBelongsToNoListOrToAnotherRoom() throws ProtocolException {
        assertThatThrownBy(() -> assembler.take(new UsersPage(List.of("ada"), false))).isInstanceOf(ProtocolException.class);
        assembler.take(new RoomState(null, "maths", null, List.of(), null, null, 1));
        assertThatThrownBy(() -> assembler.take(new MembersPage("art", List.of("ada"), false)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void refusesAListLongerThanTheLimit() throws ProtocolException {
        assembler.take(new LoginOk("1", "ada", 1, "", List.of(), null, List.of(), 1));
        List<String> page = Collections.nCopies(ProtocolLimits.NAMES_PER_PAGE, "x");
        assertThatThrownBy(() -> {
            for (int i = 0; i <= ProtocolLimits.MAX_LISTED_NAMES / ProtocolLimits.NAMES_PER_PAGE; i++) {
                assembler.take(new UsersPage(page, true));
            }
        }).isInstanceOf(ProtocolException.class).hasMessageContaining("more than");
    }
}
