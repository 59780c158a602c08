package org.camelkmp.kmp.message;

import java.time.LocalDateTime;
import java.util.List;

/**
 * GetLogTimePresent (0xA0): Reads from the oldest record whose time is at or after {@code from},
 * towards now.
 */
public record GetLogTimePresentRequest(
    int logId, List<Integer> registerIds, int maxRecords, int maxLength, LocalDateTime from)
    implements LogRequest {
  public GetLogTimePresentRequest {
    registerIds = LogRequest.checkCommon(logId, registerIds, maxRecords, maxLength);
    from = LogTime.check(from);
  }

  @Override
  public int cid() {
    return CommandId.GET_LOG_TIME_PRESENT.code();
  }
}
