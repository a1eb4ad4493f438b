package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventTest {

    private static final byte[] EVENT = "{\"timestamp\":1704303069063,\"webhookEvent\":\"jira:issue_created\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void identifiersTheStoreHoldsAreKeptAndLongerOnesHashed() {
        assertThat(WebhookEvent.parse(EVENT, "69312270414585119", null).identifier()).isEqualTo("69312270414585119");
        assertThat(WebhookEvent.parse(EVENT, "x".repeat(255), null).identifier()).isEqualTo("x".repeat(255));
        assertThat(WebhookEvent.parse(EVENT, "x".repeat(256), null).identifier()).startsWith("sha256:").hasSize(71)
                .isEqualTo(WebhookEvent.parse(EVENT, "x".repeat(256), null).identifier())
                .isNotEqualTo(WebhookEvent.parse(EVENT, "x".repeat(257), null).identifier());
        assertThat(WebhookEvent.parse(EVENT, null, null).identifier()).isNull();
    }

    @Test
    void emptyIdentifiersAndControlCharactersAreRefusedNamingTheHeader() {
        assertThatThrownBy(() -> WebhookEvent.parse(EVENT, "", null))
                .hasMessageStartingWith("The X-Atlassian-Webhook-Identifier header is empty");
        assertThatThrownBy(() -> WebhookEvent.parse(EVENT, "1001\u0000", null))
                .hasMessageStartingWith("The X-Atlassian-Webhook-Identifier header holds control characters");
    }

    @Test
    void theTimestampIsThePayloadsEpochMilliseconds() {
        assertThat(WebhookEvent.parse(EVENT, "1", null).timestamp()).isEqualTo(Instant.ofEpochMilli(1704303069063L));
        assertThat(WebhookEvent.parse("{\"webhookEvent\":\"x\"}".getBytes(StandardCharsets.UTF_8), "1", null)
                .timestamp()).isNull();
    }
}
