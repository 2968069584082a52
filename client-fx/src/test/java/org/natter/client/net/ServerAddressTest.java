package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void hostAloneUsesTheDefaultPort() {
        assertThat(ServerAddress.parse(" Chat.LAN ")).isEqualTo(new ServerAddress("chat.lan", 8020));
    }

    @Test
    void hostAndPort() {
        assertThat(ServerAddress.parse("10.0.0.5:9000")).isEqualTo(new ServerAddress("10.0.0.5", 9000));
    }

    @Test
    void bracketedIpv6WithPortAndBareIpv6() {
        assertThat(ServerAddress.parse("[::1]:9000")).isEqualTo(new ServerAddress("::1", 9000));
        assertThat(ServerAddress.parse("fe80::1")).isEqualTo(new ServerAddress("fe80::1", 8020));
        assertThat(new ServerAddress("::1", 9000)).hasToString("[::1]:9000");
    }

    @Test
    void badPortsAndEmptyTextAreRefused() {
        assertThatThrownBy(() -> ServerAddress.parse("host:0")).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerAddress.parse("host:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerAddress.parse("host:abc")).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerAddress.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ServerAddress.parse("my host")).isInstanceOf(IllegalArgumentException.class);
    }
}
