package org.camelkmp.kmp.message;

import java.time.LocalDateTime;

/**
 * SetClock (0x09): sets the meter's clock. On the wire the date is an integer whose decimal digits
 * are YYMMDD and the time one whose digits are HHMMSS. Answered with a lone ACK. Changes the meter.
 *
 * @param dateTime the meter's new local date and time, year 2000..2099, whole seconds
 */
public record SetClockRequest(LocalDateTime dateTime) implements KmpRequest {
  public SetClockRequest {
    if (dateTime.getYear() < 2000 || dateTime.getYear() > 2099) {
      throw new IllegalArgumentException(
          "SetClock year " + dateTime.getYear() + " is out of range 2000..2099");
    }
    dateTime = dateTime.withNano(0);
  }

  @Override
  public int cid() {
    return CommandId.SET_CLOCK.code();
  }
}
