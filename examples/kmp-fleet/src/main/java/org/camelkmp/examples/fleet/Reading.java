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
record Reading(String key, String readingId, String meter, String json) {}
