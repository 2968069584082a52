package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InviteLinkTest {

    private static final String FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void readsAFullLink() {
        InviteLink link = InviteLink.parse("natter://192.168.1.20:8021/?fp=" + FP + "&name=Room%2012%20chat");

        assertThat(link).isEqualTo(new InviteLink("192.168.1.20", 8021, FP, "Room 12 chat"));
    }

    @Test
    void writesALinkThatReadsBackTheSame() {
        InviteLink link = new InviteLink("chat.school.lan", 8020, FP, "Ms Ada's class & friends + 1");

        String text = link.toString();

        assertThat(text).startsWith("natter://chat.school.lan:8020/?fp=" + FP + "&name=Ms%20Ada%27s%20class%20%26");
        assertThat(text).doesNotContain(" ").doesNotContain("+");
        assertThat(InviteLink.parse(text)).isEqualTo(link);
    }

    @Test
    void aLinkWithoutFingerprintOrNameIsJustAnAddress() {
        assertThat(InviteLink.parse("natter://chat.lan:9000")).isEqualTo(new InviteLink("chat.lan", 9000, null, null));
        assertThat(InviteLink.parse("NATTER://Chat.LAN:9000/")).isEqualTo(new InviteLink("chat.lan", 9000, null, null));
        assertThat(new InviteLink("chat.lan", 9000, null, null).toString()).isEqualTo("natter://chat.lan:9000/");
    }

    @Test
    void readsAnIpv6AddressInBrackets() {
        InviteLink link = InviteLink.parse("natter://[fe80::1]:8020/?name=lab");

        assertThat(link.host()).isEqualTo("fe80::1");
        assertThat(link.port()).isEqualTo(8020);
        assertThat(link.toString()).isEqualTo("natter://[fe80::1]:8020/?name=lab");
    }

    @Test
    void acceptsAFingerprintInLowerCaseOrWithoutColons() {
        String bare = FP.replace(":", "").toLowerCase();

        assertThat(InviteLink.parse("natter://h:1/?fp=" + bare).fingerprint()).isEqualTo(FP);
        assertThat(InviteLink.parse("natter://h:1/?fp=" + FP.toLowerCase()).fingerprint()).isEqualTo(FP);
    }

    @Test
    void ignoresParametersItDoesNotKnowAndTheFragment() {
        InviteLink link = InviteLink.parse("natter://h:1/?room=general&fp=" + FP + "#top");

        assertThat(link).isEqualTo(new InviteLink("h", 1, FP, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://h:1/                    | starts with natter://",
            "natter:h:1                     | followed by the server address",
            "natter://                      | no server address",
            "natter://chat.lan/             | has no port",
            "natter://chat.lan:0/           | from 1 to 65535",
            "natter://chat.lan:99999/       | from 1 to 65535",
            "natter://chat.lan:80a/         | from 1 to 65535",
            "natter://[fe80::1/             | [address]:port",
            "natter://user@chat.lan:80/     | not valid",
            "natter://h:1/?fp=12:34         | fingerprint in the invite link is damaged",
            "natter://h:1/?fp=              | is empty",
            "natter://h:1/?name=%zz         | bad %-escape",
    })
    void refusesABrokenLinkWithASentence(String text, String expected) {
        assertThatThrownBy(() -> InviteLink.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void refusesAnOverlongLink() {
        String link = "natter://h:1/?name=" + "a".repeat(InviteLink.MAX_LENGTH);

        assertThatThrownBy(() -> InviteLink.parse(link)).hasMessageContaining("too long");
    }

    @Test
    void tellsALinkFromAnAddress() {
        assertThat(InviteLink.looksLikeLink(" natter://h:1")).isTrue();
        assertThat(InviteLink.looksLikeLink("Natter:whatever")).isTrue();
        assertThat(InviteLink.looksLikeLink("natter.lan:8020")).isFalse();
        assertThat(InviteLink.looksLikeLink(null)).isFalse();
    }

    @Test
    void anAnnouncementReadsBackFromItsTxtRecord() {
        ServerAnnouncement sent = new ServerAnnouncement("Room 12", 2, FP, true, 17);

        Map<String, String> txt = sent.toTxt();

        assertThat(txt).containsEntry("name", "Room 12").containsEntry("v", "2").containsEntry("fp", FP)
                .containsEntry("pw", "1").containsEntry("users", "17");
        assertThat(ServerAnnouncement.fromTxt(txt, "ignored")).isEqualTo(sent);
    }

    @Test
    void aDamagedAnnouncementFallsBackFieldByField() {
        ServerAnnouncement read = ServerAnnouncement.fromTxt(
                Map.of("v", "two", "fp", "not-a-fingerprint", "users", "99999999999", "name", "Evil\u202Eeman"),
                "instance");

        assertThat(read.protocolVersion()).isEqualTo(1);
        assertThat(read.fingerprint()).isNull();
        assertThat(read.users()).isZero();
        assertThat(read.passwordNeeded()).isFalse();
        assertThat(read.serverName()).isEqualTo("Evil\\u202eeman");
        assertThat(ServerAnnouncement.fromTxt(Map.of(), "Lab server").serverName()).isEqualTo("Lab server");
    }

    @Test
    void anInviteIsMadeFromTheAddressAServerShows() {
        assertThat(InviteLink.forAddress("192.168.1.20:8020", FP, "Lab"))
                .isEqualTo(new InviteLink("192.168.1.20", 8020, FP, "Lab"));
        assertThat(InviteLink.forAddress("[fd00::2]:8020", null, null).host()).isEqualTo("fd00::2");
        assertThatThrownBy(() -> InviteLink.forAddress("192.168.1.20", null, null)).hasMessageContaining("no port");
    }
}
