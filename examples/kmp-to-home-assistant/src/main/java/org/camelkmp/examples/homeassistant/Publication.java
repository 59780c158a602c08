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
  /** As the outbox keeps it: the topic on the first line, then the payload. */
  public byte[] toBytes() {
    byte[] topicLine = (topic + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(topicLine, topicLine.length + payload.length);
    System.arraycopy(payload, 0, bytes, topicLine.length, payload.length);
    return bytes;
  }

  /** A retained publication from what {@link #toBytes()} made. */
  public static Publication fromBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return new Publication(
            new String(bytes, 0, i, StandardCharsets.UTF_8),
            java.util.Arrays.copyOfRange(bytes, i + 1, bytes.length),
            true);
      }
    }
    throw new IllegalStateException("an outbox message without a topic line");
  }

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
