package org.natter.server.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void matchesOnlyThePasswordAndSurvivesItsStoredForm() {
        PasswordHash hash = PasswordHash.create("correct horse");
        String stored = hash.encode();
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
        PasswordHash read = PasswordHash.decode(stored).orElseThrow();
        assertThat(read.matches("correct horse")).isTrue();
        assertThat(read.matches("correct horse ")).isFalse();
        assertThat(read.matches("")).isFalse();
        assertThat(read.toString()).doesNotContain(stored.substring(25));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        assertThat(PasswordHash.create("same").encode()).isNotEqualTo(PasswordHash.create("same").encode());
    }

    @Test
    void refusesEmptyOrTooLongPasswordsAndWeakOrDamagedStoredForms() {
        assertThatThrownBy(() -> PasswordHash.create("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PasswordHash.create("x".repeat(201))).hasMessageContaining("200");
        assertThat(PasswordHash.decode("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).isEmpty();
        assertThat(PasswordHash.decode("plain text")).isEmpty();
        assertThat(PasswordHash.decode(null)).isEmpty();
    }
}
