package org.camelkmp.examples.fleet;

/**
 * One reading on its way to Kafka.
 *
 * @param key the record's key: the meter's serial number, so one meter's readings stay in order on
 *     one partition
 * @param readingId serial number and read time, {@code <serial>@<instant>}: the same reading sent
 *     twice (a node died between Kafka's acknowledgement and its own note of it) carries the same
 *     id, so a consumer can drop the second
 * @param meter the meter's id in the fleet's meters file
 * @param json the reading as the component writes it, decimals exact
 */
record Reading(String key, String readingId, String meter, String json) {
  /** As the outbox keeps it: key, reading id and meter id on three lines, then the JSON. */
  byte[] toBytes() {
    return (key + "\n" + readingId + "\n" + meter + "\n" + json)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A reading from what {@link #toBytes()} made. */
  static Reading fromBytes(byte[] bytes) {
    String[] parts = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", 4);
    if (parts.length != 4) {
      throw new IllegalStateException("an outbox message without its three header lines");
    }
    return new Reading(parts[0], parts[1], parts[2], parts[3]);
  }
}
