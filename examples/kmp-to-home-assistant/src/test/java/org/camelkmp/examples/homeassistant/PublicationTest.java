package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicationTest {
  @Test
  void whatTheOutboxKeepsGivesBackTheTopicAndTheExactPayload() {
    byte[] payload = "{\"E1\":1234.567,\n\"text\":\"ü\"}".getBytes(StandardCharsets.UTF_8);

    Publication back = Publication.fromBytes(new Publication("n/1/state", payload, true).toBytes());

    assertThat(back.topic()).isEqualTo("n/1/state");
    assertThat(back.payload()).isEqualTo(payload);
    assertThat(back.retained()).isTrue();
  }
}
