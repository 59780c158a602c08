package org.camelkmp.kmp.message;

import java.util.List;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * One logger record: its id and the values of the registers asked for.
 *
 * @param recordId 16-bit record id, increasing with time
 * @param values register values in the order of the response's first record
 */
public record LogRecord(int recordId, List<RegisterValue> values) {
  public LogRecord {
    if (recordId < 0 || recordId > 0xFFFF) {
      throw new IllegalArgumentException("record id " + recordId + " is out of range 0..65535");
    }
    values = List.copyOf(values);
  }
}
