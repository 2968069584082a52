package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The frame fields of TLS and passwords: welcome's "password", login's "password", the two error codes. */
class SecurityFramesTest {

    @Test
    void welcomeSaysAPasswordIsNeededOnlyWhenItIs() throws Exception {
        assertThat(FrameCodec.encode(new Welcome("Natter", 2, "hi", true))).contains("\"password\":true");
        assertThat(FrameCodec.encode(new Welcome("Natter", 2, "hi"))).doesNotContain("password");
        Welcome decoded = (Welcome) FrameCodec.decodeServerFrame("{\"type\":\"welcome\",\"server\":\"N\",\"version\":2,\"password\":true}");
        assertThat(decoded.needsPassword()).isTrue();
        assertThat(((Welcome) FrameCodec.decodeServerFrame("{\"type\":\"welcome\",\"server\":\"N\"}")).needsPassword()).isFalse();
    }

    @Test
    void loginCarriesThePasswordButNeverShowsItInText() throws Exception {
        Login login = (Login) FrameCodec.decodeClientFrame("{\"type\":\"login\",\"name\":\"ada\",\"password\":\"s3cret\"}");
        assertThat(login.password()).isEqualTo("s3cret");
        assertThat(login.toString()).doesNotContain("s3cret");
        assertThat(FrameCodec.encode(new Login("l", "ada", 2))).doesNotContain("password");
    }

    @Test
    void theNewErrorCodesTravelByName() throws Exception {
        ErrorReply reply = (ErrorReply) FrameCodec.decodeServerFrame(
                "{\"type\":\"error\",\"code\":\"TLS_REQUIRED\",\"message\":\"Use TLS.\"}");
        assertThat(reply.code()).isEqualTo(ErrorCode.TLS_REQUIRED);
        assertThat(FrameCodec.encode(new ErrorReply("l", ErrorCode.BAD_PASSWORD, "Wrong password.")))
                .contains("\"code\":\"BAD_PASSWORD\"");
    }
}
