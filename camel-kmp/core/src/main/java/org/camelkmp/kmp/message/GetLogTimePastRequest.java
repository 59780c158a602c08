package org.camelkmp.kmp.message;

import java.time.LocalDateTime;
import java.util.List;

/**
 * GetLogTimePast (0xA3): Reads from the record at or before {@code from}, moved back by {@code
 * offset} (0..65535) records, towards the past.
 */
public record GetLogTimePastRequest(
    int logId,
    List<Integer> registerIds,
    int maxRecords,
    int maxLength,
    LocalDateTime from,
    int offset)
    implements LogRequest {
  public GetLogTimePastRequest {
    registerIds = LogRequest.checkCommon(logId, registerIds, maxRecords, maxLength);
    if (offset < 0 || offset > 0xFFFF) {
      throw new IllegalArgumentException("offset " + offset + " is out of range 0..65535");
    }
    from = LogTime.check(from);
  }

  @Override
  public int cid() {
    return CommandId.GET_LOG_TIME_PAST.code();
  }
}
