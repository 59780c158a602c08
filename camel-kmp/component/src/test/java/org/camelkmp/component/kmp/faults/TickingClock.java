package org.camelkmp.component.kmp.faults;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock one second further on each time it is read, so that every answer of a simulated meter
 * carries a clock value no other answer has: a reading delivered twice, or one that is not an
 * answer the meter gave, shows.
 */
final class TickingClock extends Clock {
  private final Instant start;
  private final AtomicLong ticks;

  TickingClock(Instant start) {
    this(start, new AtomicLong());
  }

  private TickingClock(Instant start, AtomicLong ticks) {
    this.start = start;
    this.ticks = ticks;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TickingClock(start, ticks);
  }

  @Override
  public Instant instant() {
    return start.plusSeconds(ticks.incrementAndGet());
  }
}
