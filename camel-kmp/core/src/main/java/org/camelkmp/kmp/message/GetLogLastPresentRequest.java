package org.camelkmp.kmp.message;

import java.util.List;

/**
 * GetLogLastPresent (0xA1): Reads the records newer than the last one acknowledged with
 * ClearEventStatus.
 */
public record GetLogLastPresentRequest(
    int logId, List<Integer> registerIds, int maxRecords, int maxLength) implements LogRequest {
  public GetLogLastPresentRequest {
    registerIds = LogRequest.checkCommon(logId, registerIds, maxRecords, maxLength);
  }

  @Override
  public int cid() {
    return CommandId.GET_LOG_LAST_PRESENT.code();
  }
}
