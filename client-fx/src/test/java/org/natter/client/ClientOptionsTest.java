package org.natter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void serverAndNamePrefillTheWindow() throws Exception {
        ClientOptions options = ClientOptions.parse(List.of("--server", "chat.lan:9000", "--name", "anna"));

        assertThat(options).isEqualTo(new ClientOptions(ClientOptions.Mode.WINDOW, "chat.lan:9000", "anna", false));
    }

    @Test
    void connectNeedsServerAndName() {
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--connect", "--name", "anna")))
                .hasMessageContaining("--server");
    }

    @Test
    void cliTakesAddressAndName() throws Exception {
        assertThat(ClientOptions.parse(List.of("--cli", "localhost", "bob")))
                .isEqualTo(new ClientOptions(ClientOptions.Mode.TERMINAL, "localhost", "bob", false));
    }

    @Test
    void cliWithoutNameIsAUsageError() {
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--cli", "localhost")))
                .hasMessageContaining("--cli needs");
    }

    @Test
    void unknownOptionExitsWithStatusTwoAndAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ClientMain.run(new String[] {"--colour"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --colour.");
    }

    @Test
    void helpPrintsTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = ClientMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--cli HOST[:PORT] NAME");
    }

    @Test
    void listServersListensForAFewSecondsFromEveryInterfaceUnlessTold() throws Exception {
        assertThat(ClientOptions.parse(List.of("--list-servers")))
                .isEqualTo(new ClientOptions(ClientOptions.Mode.LIST_SERVERS, null, null, false, 3, null));
        assertThat(ClientOptions.parse(List.of("--list-servers", "--seconds", "10", "--on", "127.0.0.1")))
                .isEqualTo(new ClientOptions(ClientOptions.Mode.LIST_SERVERS, null, null, false, 10, "127.0.0.1"));
    }

    @Test
    void listServersOptionsAreCheckedWithASentence() {
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--list-servers", "--seconds", "0")))
                .hasMessage("--seconds needs a whole number from 1 to 60.");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--list-servers", "--cli", "h", "n")))
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--seconds", "5")))
                .hasMessage("--seconds and --on go with --list-servers.");
    }

    @Test
    void anInviteLinkAloneOpensTheWindowWithTheServerFilledIn() throws Exception {
        assertThat(ClientOptions.parse(List.of("natter://chat.lan:8021/?name=Lab")))
                .isEqualTo(new ClientOptions(ClientOptions.Mode.WINDOW, "natter://chat.lan:8021/?name=Lab", null, false));
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--server", "a", "natter://chat.lan:8021/")))
                .hasMessage("Unexpected argument \"natter://chat.lan:8021/\".");
    }
}
