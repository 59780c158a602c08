package org.camelkmp.kmp.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.camelkmp.kmp.error.KmpMessageException;

/**
 * SetClock (0x09): date(4) and time(4), integers whose decimal digits are YYMMDD and HHMMSS;
 * answered by an ACK. Argument {@code clock}, now when not given.
 */
final class SetClockCodec extends CommandCodec<SetClockRequest, AckResponse> {
  SetClockCodec() {
    super(SetClockRequest.class, AckResponse.class);
  }

  @Override
  SetClockRequest request(CommandArguments arguments) {
    return new SetClockRequest(arguments.dateTime("clock", LocalDateTime::now));
  }

  @Override
  void writeRequest(SetClockRequest request, ByteSink out) {
    LocalDateTime t = request.dateTime();
    out.u32((t.getYear() - 2000) * 10_000L + t.getMonthValue() * 100L + t.getDayOfMonth());
    out.u32(t.getHour() * 10_000L + t.getMinute() * 100L + t.getSecond());
  }

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new SetClockRequest(clock(in.u32(), in.u32()));
  }

  private static LocalDateTime clock(long date, long time) {
    try {
      return LocalDateTime.of(
          2000 + (int) (date / 10_000),
          (int) (date / 100 % 100),
          (int) (date % 100),
          (int) (time / 10_000),
          (int) (time / 100 % 100),
          (int) (time % 100));
    } catch (DateTimeException e) {
      throw new KmpMessageException(
          "SetClock request carries an invalid date " + date + " or time " + time);
    }
  }
}
