package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.natter.common.model.LeaveReason;

class FrameCodecTest {

    private static final Instant TS = Instant.parse("2026-11-22T09:15:00.123Z");

    static Stream<ClientFrame> clientFrames() {
        return Stream.of(new Login("1", "alice"), new Login(null, "Zoë"), new Say("2", "Hello\n\t\"world\" <b>"),
                new Say(null, "🙂 emoji"), new Logout("3"), new Logout(null), new Quit(null), new Ping("p"), new Pong("p"),
                new Pong(null), new Login("1", "ada", 2), new Say("2", "hi", "maths", null),
                new Say("3", "psst", null, "bob"), new Join("4", "maths"), new Part("5", "maths"),
                new ListRooms("6"), new SetTopic("7", "maths", "Fractions"), new SetTopic(null, "maths", ""));
    }

    static Stream<ServerFrame> serverFrames() {
        return Stream.of(new Welcome("Room 12", 1, "hi"), new LoginOk("1", "alice", 3, "You are user number 3.",
                        List.of("alice", "bob"), "Be kind."),
                new LoginOk(null, "a", 1, "You are user number 1.", List.of("a"), null),
                new Message(7, "bob", "text", TS, null), new Message(8, "bob", "text", TS, "m1"),
                new Joined("carol", TS), new Left("dave", LeaveReason.SERVER_STOPPED, null, TS),
                new Left("eve", LeaveReason.KICKED, "spam", TS), new LoggedOut("x"), new Kicked("Be nice"),
                new Announcement("Pizza", TS), new ErrorReply("r", ErrorCode.NAME_TAKEN, "Taken."),
                new Ping(null), new Pong("7"),
                new LoginOk("1", "ada", 1, "t", List.of("ada"), null,
                        List.of(new RoomState(null, "general", "Hi", List.of("ada")))),
                new Message(9, "ada", "x", TS, null, "maths", null), new Message(10, "ada", "x", TS, "r", null, "bob"),
                new Joined("bob", "maths", TS), new Left("bob", "maths", LeaveReason.PART, null, TS),
                new Left("bob", "news", LeaveReason.ROOM_CLOSED, null, TS), new Announcement("Test", "maths", TS),
                new RoomState("j", "maths", null, List.of("ada", "bob")), new Parted("p", "maths"),
                new RoomList("l", List.of(new RoomSummary("Art", null, 2), new RoomSummary("general", "Hi", 5))),
                new TopicChanged("maths", "Fractions", "ada", TS), new TopicChanged("maths", "", null, TS),
                new Waiting("1", "ada", "Waiting for the host to let you in."));
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void clientFramesSurviveARoundTrip(ClientFrame frame) throws ProtocolException {
        assertThat(FrameCodec.decodeClientFrame(FrameCodec.encode(frame))).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void serverFramesSurviveARoundTrip(ServerFrame frame) throws ProtocolException {
        assertThat(FrameCodec.decodeServerFrame(FrameCodec.encode(frame))).isEqualTo(frame);
    }

    @Test
    void waitingIsWrittenAsDocumented() {
        assertThat(FrameCodec.encode(new Waiting("1", "ada", "Waiting for the host to let you in.")))
                .isEqualTo("{\"type\":\"waiting\",\"re\":\"1\",\"name\":\"ada\",\"text\":\"Waiting for the host to let you in.\"}");
    }

    @Test
    void encodingPutsTheTypeFirstLeavesOutNullsAndIsOneLine() {
        assertThat(FrameCodec.encode(new Login(null, "alice"))).isEqualTo("{\"type\":\"login\",\"name\":\"alice\"}");
        assertThat(FrameCodec.encode(new Left("bob", LeaveReason.SERVER_STOPPED, null, TS)))
                .isEqualTo("{\"type\":\"left\",\"name\":\"bob\",\"reason\":\"server_stopped\",\"ts\":\"2026-11-22T09:15:00.123Z\"}");
        String multiLine = FrameCodec.encode(new Say(null, "a\nb"));
        assertThat(multiLine).doesNotContain("\n").contains("a\\nb");
        assertThat(FrameCodec.encodeLine(new Ping(null))).endsWith(new byte[] {'\n'});
    }

    @Test
    void versionOneFramesStillReadAndLeaveTheNewFieldsEmpty() throws ProtocolException {
        Login login = (Login) FrameCodec.decodeClientFrame("{\"type\":\"login\",\"name\":\"old\"}");
        assertThat(login.protocolVersion()).isEqualTo(1);
        Say say = (Say) FrameCodec.decodeClientFrame("{\"type\":\"say\",\"text\":\"hi\"}");
        assertThat(say.room()).isNull();
        assertThat(say.to()).isNull();
        assertThat(FrameCodec.encode(new Joined("carol", TS))).doesNotContain("room");
    }

    @Test
    void roomRequestsNeedTheirRoom() {
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame("{\"type\":\"join\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame("{\"type\":\"topic\",\"room\":\"a\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
    }

    @Test
    void timestampsAlwaysCarryMillisecondsEvenWhenTheyAreZero() throws ProtocolException {
        Instant onTheSecond = Instant.parse("2026-11-22T09:15:00Z");
        String line = FrameCodec.encode(new Joined("carol", onTheSecond));
        assertThat(line).contains("\"ts\":\"2026-11-22T09:15:00.000Z\"");
        assertThat(((Joined) FrameCodec.decodeServerFrame(line)).ts()).isEqualTo(onTheSecond);
        assertThat(FrameCodec.encode(new Announcement("x", Instant.parse("2026-11-22T09:15:00.120Z"))))
                .contains("\"ts\":\"2026-11-22T09:15:00.120Z\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"say\",\"text\":\"hi\",\"text\":\"bye\"}",
            "{\"type\":\"login\",\"type\":\"say\",\"name\":\"a\",\"text\":\"b\"}",
            "{\"type\":\"say\",\"text\":\"hi\",\"x\":{\"a\":1,\"a\":2}}"})
    void duplicateKeysAreRefusedAsBadJson(String line) {
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame(line))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON))
                .hasMessageContaining("twice");
    }

    @Test
    void unknownFieldsAreIgnoredForNewerPeers() throws ProtocolException {
        assertThat(FrameCodec.decodeClientFrame("{\"type\":\"say\",\"text\":\"hi\",\"color\":\"red\",\"x\":[1,{}]}"))
                .isEqualTo(new Say(null, "hi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "not json", "[]", "42", "\"text\"", "null", "{\"type\":\"ping\"} extra",
        "{\"type\":\"ping\"}{\"type\":\"ping\"}", "{'type':'ping'}", "{type:\"ping\"}", "{\"type\":\"ping\",}",
        "{\"type\":\"ping\" /* c */}", "{\"type\":null}", "{\"type\":1}", "{\"type\":[\"ping\"]}", "{}",
        "{\"type\":\"login\"}", "{\"type\":\"login\",\"name\":null}", "{\"type\":\"login\",\"name\":7}",
        "{\"type\":\"say\",\"text\":{}}", "{\"type\":\"ping\",\"id\":5}", "{\"type\":\"ping\",\"id\":{}}",
        "{\"type\":\"ping\",\"id\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}"})
    void malformedClientLinesAreBadJson(String line) {
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame(line))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"dance\"}", "{\"type\":\"welcome\",\"server\":\"x\"}", "{\"type\":\"LOGIN\",\"name\":\"a\"}",
        "{\"type\":\"message\",\"from\":\"a\",\"text\":\"b\",\"ts\":\"2026-01-01T00:00:00Z\"}"})
    void typesAClientCannotSendAreUnknown(String line) {
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame(line))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
    }

    @Test
    void errorsCarryTheRequestIdWhenItCouldBeRead() {
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame("{\"type\":\"dance\",\"id\":\"d1\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.requestId()).isEqualTo("d1"));
        assertThatThrownBy(() -> FrameCodec.decodeClientFrame("{\"type\":\"login\",\"id\":\"l1\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.requestId()).isEqualTo("l1"));
    }

    @Test
    void serverFramesWithBrokenFieldsAreRefused() {
        assertThatThrownBy(() -> FrameCodec.decodeServerFrame("{\"type\":\"message\",\"id\":1,\"from\":\"a\",\"text\":\"b\",\"ts\":\"yesterday\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThatThrownBy(() -> FrameCodec.decodeServerFrame("{\"type\":\"login_ok\",\"name\":\"a\",\"users\":\"a\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThatThrownBy(() -> FrameCodec.decodeServerFrame("{\"type\":\"say\",\"text\":\"x\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
    }

    @Test
    void unknownErrorCodesAndLeaveReasonsFromANewerServerReadAsNull() throws ProtocolException {
        ErrorReply error = (ErrorReply) FrameCodec.decodeServerFrame("{\"type\":\"error\",\"code\":\"NEW_CODE\",\"message\":\"m\"}");
        assertThat(error.code()).isNull();
        Left left = (Left) FrameCodec.decodeServerFrame("{\"type\":\"left\",\"name\":\"a\",\"reason\":\"abducted\"}");
        assertThat(left.reason()).isNull();
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] broken = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        assertThatThrownBy(() -> FrameCodec.utf8(java.nio.ByteBuffer.wrap(broken)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
    }

    @Test
    void deeplyNestedJsonIsHandledWithoutBlowingTheStack() {
        String deep = "{\"type\":\"ping\",\"x\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        assertThat(deep.length()).isLessThan(ProtocolLimits.MAX_LINE_BYTES);
        try {
            FrameCodec.decodeClientFrame(deep);
        } catch (ProtocolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON);
        }
    }
}
