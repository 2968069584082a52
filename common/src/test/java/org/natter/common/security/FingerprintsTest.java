package org.natter.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void fingerprintIsColonSeparatedUpperCaseSha256() {
        // SHA-256 of "abc", a published test vector.
        assertThat(Fingerprints.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(
                "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
    }

    @Test
    void safetyCodeIsFourGroupsOfFourWithoutLookAlikeLetters() {
        String fingerprint = Fingerprints.of(new byte[] {1, 2, 3});
        String code = Fingerprints.safetyCode(fingerprint);
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(Fingerprints.safetyCode(fingerprint)).isEqualTo(code);
        assertThat(Fingerprints.safetyCode(Fingerprints.of(new byte[] {1, 2, 4}))).isNotEqualTo(code);
        assertThatThrownBy(() -> Fingerprints.safetyCode("AB:CD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedFingerprintsAreReadInAnyUsualForm() {
        String canonical = Fingerprints.of(new byte[] {9});
        assertThat(Fingerprints.parse(canonical.toLowerCase())).contains(canonical);
        assertThat(Fingerprints.parse(canonical.replace(":", ""))).contains(canonical);
        assertThat(Fingerprints.parse(canonical.replace(":", " "))).contains(canonical);
        assertThat(Fingerprints.parse("not hex")).isEmpty();
        assertThat(Fingerprints.parse(canonical.substring(3))).isEmpty();
    }
}
