package org.natter.server.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;

/** The Audit tab's logic against a real server (history in memory), with direct executors and no toolkit. */
class AuditViewModelTest {

    @TempDir Path dir;
    private final List<String> notices = new ArrayList<>();
    private ChatServer server;
    private AuditViewModel audit;

    @BeforeEach
    void setUp() {
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        server.start(0);
        audit = new AuditViewModel(server, Runnable::run, Runnable::run, ZoneOffset.UTC,
                Messages.load("org.natter.server.ui.messages"), notices::add);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void filtersByTextAndByKindAndExportsWhatIsShownAsCsv() throws Exception {
        server.ban("mallory", Duration.ofHours(1), "spam, again");
        server.mute("eve", null, "");
        server.announce("Pizza for mallory's class");
        audit.refresh().get(10, TimeUnit.SECONDS);
        assertThat(audit.shown()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.ANNOUNCE, AuditAction.MUTE, AuditAction.BAN);

        audit.filterTextProperty().set("MALLORY");
        assertThat(audit.shown()).extracting(AuditEntry::action).as("in the target or the text")
                .containsExactly(AuditAction.ANNOUNCE, AuditAction.BAN);
        audit.actionFilterProperty().set(AuditAction.BAN);
        assertThat(audit.shown()).extracting(AuditEntry::target).containsExactly("mallory");

        Path file = dir.resolve("audit.csv");
        assertThat(audit.exportCsv(file).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,ban,mallory,\"until .*: spam, again\",program");
        assertThat(notices).containsExactly("Exported 1 actions to audit.csv");

        audit.filterTextProperty().set("");
        audit.actionFilterProperty().set(null);
        assertThat(audit.shown()).hasSize(3);
        assertThat(audit.actionText(null)).isEqualTo("All actions");
        assertThat(audit.actionText(AuditAction.ROOM_CREATED)).isEqualTo("Room created");
    }

    @Test
    void aFailedExportSaysWhyInOneSentence() throws Exception {
        server.kick("nobody", "");
        server.createRoom("art", "");
        audit.refresh().get(10, TimeUnit.SECONDS);
        Path folder = dir.resolve("missing").resolve("audit.csv");
        audit.exportCsv(folder).handle((count, failure) -> null).get(10, TimeUnit.SECONDS);
        assertThat(notices).singleElement().asString().startsWith("Could not export the actions: ")
                .doesNotContain("Exception");
    }
}
