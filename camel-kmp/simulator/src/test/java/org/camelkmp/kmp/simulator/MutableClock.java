package org.camelkmp.kmp.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so time-dependent values change without sleeping. */
final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  MutableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** 2024-03-15 10:20:30 UTC, a Friday in the heating season. */
  static MutableClock standard() {
    return new MutableClock(Instant.parse("2024-03-15T10:20:30Z"), ZoneOffset.UTC);
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
