package org.camelkmp.kmp.message;

import java.util.List;

/**
 * The four logger reads (0xA0..0xA3). They share the log id, the registers wanted (1..8), the
 * number of records wanted and MaxL, the longest application-layer answer the meter may send (it
 * drops records to stay under it); they differ in where reading starts.
 */
public sealed interface LogRequest extends KmpRequest
    permits GetLogTimePresentRequest,
        GetLogLastPresentRequest,
        GetLogIdPresentRequest,
        GetLogTimePastRequest {

  /** Log id, e.g. 1 for the interval (hourly) log. */
  int logId();

  /** Register ids wanted in every record, 1..8. */
  List<Integer> registerIds();

  /** Number of records wanted, 1..255. */
  int maxRecords();

  /** Longest application-layer answer, in bytes (one byte on the wire). */
  int maxLength();

  /** Checks the common fields; used by every implementation's constructor. */
  static List<Integer> checkCommon(
      int logId, List<Integer> registerIds, int maxRecords, int maxLength) {
    checkByte("log id", logId);
    checkByte("number of records", maxRecords);
    checkByte("MaxL", maxLength);
    return new GetRegisterRequest(registerIds).registerIds();
  }

  /** Checks a field that goes on the wire as one byte. */
  static void checkByte(String field, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(field + " " + value + " is out of range 0..255");
    }
  }
}
