package org.camelkmp.kmp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A point in time seen two ways: the real instant (from the injected clock, which drives the heat
 * load) and the meter's local date and time (which SetClock moves by an offset).
 *
 * @param instant real time
 * @param zone the zone the meter's local time is reckoned in
 * @param offset how far the meter's clock is ahead of real local time
 */
record Moment(Instant instant, ZoneId zone, Duration offset) {

  /** The meter's local date and time, whole seconds. */
  LocalDateTime meterTime() {
    return LocalDateTime.ofInstant(instant, zone).plus(offset).withNano(0);
  }

  /** The real instant at which the meter's clock shows {@code meterTime}. */
  Instant instantOf(LocalDateTime meterTime) {
    return meterTime.minus(offset).atZone(zone).toInstant();
  }

  /** The moment at which the meter's clock shows {@code meterTime}, with the same offset. */
  Moment at(LocalDateTime meterTime) {
    return new Moment(instantOf(meterTime), zone, offset);
  }
}
