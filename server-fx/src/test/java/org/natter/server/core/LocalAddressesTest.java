package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    @Test
    void ipv6IsWrittenInItsShortForm() {
        assertThat(LocalAddresses.compress("fd00:0:0:0:0:0:0:2")).isEqualTo("fd00::2");
        assertThat(LocalAddresses.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(LocalAddresses.compress("fe80:0:0:0:1:0:0:0%eth0")).isEqualTo("fe80::1:0:0:0");
        assertThat(LocalAddresses.compress("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(LocalAddresses.compress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(LocalAddresses.compress("2001:0:0:1:0:0:0:0")).isEqualTo("2001:0:0:1::");
    }

    @Test
    void thereIsAlwaysAnAddressToTellUsers() {
        assertThat(LocalAddresses.reachableAt(8020)).isNotEmpty().allSatisfy(a -> assertThat(a).endsWith(":8020"));
    }
}
