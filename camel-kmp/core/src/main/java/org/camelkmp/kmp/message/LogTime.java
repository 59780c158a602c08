package org.camelkmp.kmp.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.camelkmp.kmp.error.KmpMessageException;

/**
 * The 8-byte logger time: YY MM DD hh mm ss WK Info, binary, years since 2000. WK and Info are sent
 * as 0 and ignored when read.
 */
final class LogTime {
  static final int LENGTH = 8;

  private LogTime() {}

  static LocalDateTime check(LocalDateTime time) {
    if (time.getYear() < 2000 || time.getYear() > 2255) {
      throw new IllegalArgumentException(
          "log time year " + time.getYear() + " is out of range 2000..2255");
    }
    return time.withNano(0);
  }

  static void write(ByteSink out, LocalDateTime time) {
    out.u8(time.getYear() - 2000)
        .u8(time.getMonthValue())
        .u8(time.getDayOfMonth())
        .u8(time.getHour())
        .u8(time.getMinute())
        .u8(time.getSecond())
        .u8(0)
        .u8(0);
  }

  static LocalDateTime read(ByteSource in) {
    int yy = in.u8();
    int mm = in.u8();
    int dd = in.u8();
    int hh = in.u8();
    int mi = in.u8();
    int ss = in.u8();
    in.u8();
    in.u8();
    try {
      return LocalDateTime.of(2000 + yy, mm, dd, hh, mi, ss);
    } catch (DateTimeException e) {
      throw new KmpMessageException(
          String.format("invalid log time %02d-%02d-%02d %02d:%02d:%02d", yy, mm, dd, hh, mi, ss));
    }
  }
}
