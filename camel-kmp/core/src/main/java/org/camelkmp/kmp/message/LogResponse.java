package org.camelkmp.kmp.message;

import java.util.List;

/**
 * Answer to a logger read (0xA0..0xA3): the records, the oldest and newest record ids the log
 * holds, and INFO. All records carry the same registers with the same unit, SiEx and length.
 *
 * @param cid the command answered, 0xA0..0xA3
 * @param logId log id; -1 when the meter sent a short answer without it
 * @param records records in the order sent
 * @param oldestRecordId LRORecID, the oldest record in the log; -1 when absent from a short answer
 * @param newestRecordId NewRecID, the newest record in the log; -1 when absent from a short answer
 * @param info INFO bits: 0 log empty, 2 requested id/time out of range, 3 MaxL reached, 4 end of
 *     log
 */
public record LogResponse(
    int cid, int logId, List<LogRecord> records, int oldestRecordId, int newestRecordId, int info)
    implements KmpResponse {

  /** INFO bit 0: the log is empty. */
  public static final int INFO_LOG_EMPTY = 1;

  /** INFO bit 2: the requested record id or time is out of range. */
  public static final int INFO_OUT_OF_RANGE = 1 << 2;

  /** INFO bit 3: MaxL reached, records were dropped. */
  public static final int INFO_MAX_LENGTH_REACHED = 1 << 3;

  /** INFO bit 4: the end of the log was reached. */
  public static final int INFO_END_OF_LOG = 1 << 4;

  public LogResponse {
    if (cid < 0xA0 || cid > 0xA3) {
      throw new IllegalArgumentException(String.format("CID 0x%02X is not a logger read", cid));
    }
    records = List.copyOf(records);
    LogRequest.checkByte("INFO", info);
  }

  /** Whether the answer had the full layout with log id and record ids. */
  public boolean complete() {
    return logId >= 0;
  }
}
