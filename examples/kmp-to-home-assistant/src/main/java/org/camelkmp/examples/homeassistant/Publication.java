package org.camelkmp.examples.homeassistant;

import java.nio.charset.StandardCharsets;

/**
 * One MQTT message to publish: always QoS 1.
 *
 * @param topic the topic
 * @param payload the payload
 * @param retained whether the broker keeps it for later subscribers
 */
public record Publication(String topic, byte[] payload, boolean retained) {
  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
