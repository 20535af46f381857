package com.bulletiningest.intake.mail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderPolicyTest {

    private final SenderPolicy policy = SenderPolicy.parse(" Alice@Example.com , @example.org ");

    @Test
    @DisplayName("listed addresses and every address of a listed domain are allowed, ignoring case")
    void addressesAndDomains() {
        assertThat(policy.allows("alice@example.com")).isTrue();
        assertThat(policy.allows("ALICE@EXAMPLE.COM")).isTrue();
        assertThat(policy.allows("anyone@example.org")).isTrue();
        assertThat(policy.allows("bob@example.com")).isFalse();
        assertThat(policy.allows("eve@mail.example.org")).isFalse();
        assertThat(policy.allows("eve@example.org.evil.test")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    @DisplayName("an empty list allows every sender")
    void emptyAllowsEveryone() {
        assertThat(SenderPolicy.parse("").allowsEveryone()).isTrue();
        assertThat(SenderPolicy.parse(null).allows("anyone@anywhere.test")).isTrue();
    }

    @Test
    @DisplayName("a message is refused unless every From address is allowed, with the reason")
    void refusalOfMessages() {
        assertThat(policy.refusal(List.of("alice@example.com"))).isEmpty();
        assertThat(policy.refusal(List.of("alice@example.com", "eve@evil.test")))
                .contains("sender eve@evil.test is not in bulletin.mail.allowed-senders");
        assertThat(policy.refusal(List.of())).contains("the message has no From address");
    }

    @Test
    @DisplayName("an entry that is neither an address nor an @domain is a configuration error naming it")
    void invalidEntry() {
        assertThatThrownBy(() -> SenderPolicy.parse("alice@example.com, example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'example.org'");
    }
}
