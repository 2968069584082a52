package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.shared.BanDuration;
import org.natter.server.ui.users.KickDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The kick dialog's ban options, clicked: a kick that bans the name for a day and the address too. */
@ExtendWith(ApplicationExtension.class)
class KickBanWindowTest {

    @TempDir static Path dataDir;
    private AdminWindowFixture window;
    private ChatServer server;

    @Start
    void start(Stage stage) {
        window = AdminWindowFixture.show(stage, dataDir, new ChatServer(ServerSettings.defaults().withPort(0)));
        server = window.server;
    }

    @AfterEach
    void stopServer() throws Exception {
        window.close();
    }

    @Test
    void aKickWithBanForADayAndTheAddressBansBothAndRemovesTheUser(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == ServerState.RUNNING);
        try (RawClient bob = RawClient.from("127.0.0.7", server.port())) {
            bob.next(Welcome.class);
            bob.send(new Login(null, "bob"));
            bob.next(LoginOk.class);

            robot.clickOn(AdminWindowTest.rowOf(robot, "bob"));
            robot.clickOn("#kickButton");
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup("#" + KickDialog.BAN_DURATION_ID).query().isDisabled()))
                    .as("the ban options wait for the ban box").isTrue();
            assertThat(onFx(() -> robot.lookup("#" + KickDialog.BAN_ADDRESS_ID).query().isDisabled())).isTrue();
            robot.clickOn("#" + KickDialog.BAN_CHECK_ID);
            waitUntil(() -> !robot.lookup("#" + KickDialog.BAN_DURATION_ID).query().isDisabled());
            robot.interact(() -> robot.lookup("#" + KickDialog.BAN_DURATION_ID).queryAs(ComboBox.class)
                    .setValue(BanDuration.ONE_DAY));
            robot.clickOn("#" + KickDialog.BAN_ADDRESS_ID);
            robot.clickOn("#" + KickDialog.REASON_FIELD_ID).write("spamming").type(KeyCode.ENTER);

            assertThat(bob.next(Kicked.class).reason()).contains("spamming");
            waitUntil(() -> AdminWindowTest.table(robot, "#usersTable").getItems().isEmpty());
        }
        waitUntil(() -> server.sanctions().size() == 2);
        assertThat(server.sanctions()).extracting(Sanction::kind, Sanction::target).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Sanction.Kind.NAME_BAN, "bob"),
                org.assertj.core.groups.Tuple.tuple(Sanction.Kind.ADDRESS_BAN, "127.0.0.7"));
        Instant until = server.sanctions().get(0).until();
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        try (RawClient again = RawClient.from("127.0.0.7", server.port())) {
            assertThat(again.next(ErrorReply.class).code()).as("the address is banned").isEqualTo(ErrorCode.BANNED);
        }
    }
}
