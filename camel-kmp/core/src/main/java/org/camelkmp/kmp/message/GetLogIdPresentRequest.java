package org.camelkmp.kmp.message;

import java.util.List;

/** GetLogIDPresent (0xA2): Reads from record id {@code fromRecordId} (0..65535), towards now. */
public record GetLogIdPresentRequest(
    int logId, List<Integer> registerIds, int maxRecords, int maxLength, int fromRecordId)
    implements LogRequest {
  public GetLogIdPresentRequest {
    registerIds = LogRequest.checkCommon(logId, registerIds, maxRecords, maxLength);
    if (fromRecordId < 0 || fromRecordId > 0xFFFF) {
      throw new IllegalArgumentException("record id " + fromRecordId + " is out of range 0..65535");
    }
  }

  @Override
  public int cid() {
    return CommandId.GET_LOG_ID_PRESENT.code();
  }
}
