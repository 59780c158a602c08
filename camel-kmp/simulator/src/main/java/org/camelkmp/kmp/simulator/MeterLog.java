package org.camelkmp.kmp.simulator;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogLastPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogRequest;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * One logger of the meter: a record at every full hour (or midnight) of the meter's clock, holding
 * the logged registers as they were then, with 16-bit record ids increasing by one per record. When
 * full it drops the oldest record. Reads follow docs/protocol.md §6. Not thread-safe: the meter
 * guards it.
 */
final class MeterLog {
  /** How often a log records. */
  enum Period {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Period(ChronoUnit unit) {
      this.unit = unit;
    }

    LocalDateTime boundary(LocalDateTime t) {
      return t.truncatedTo(unit);
    }
  }

  /** A stored record: sequence number (the record id is its low 16 bits), time and values. */
  record Entry(long seq, LocalDateTime time, Map<Integer, RegisterValue> values) {
    int recordId() {
      return (int) (seq & 0xFFFF);
    }
  }

  private static final int HEADER = 3;
  private static final int TRAILER = 5;
  private static final int RECORD_ID = 2;
  private static final int BLOCK_HEADER = 5;

  private final int logId;
  private final Period period;
  private final int depth;
  private final List<Entry> entries = new ArrayList<>();
  private LocalDateTime lastBoundary;
  private long lastSeq;
  private long acknowledgedSeq;
  private long readSeq;

  MeterLog(int logId, Period period, int depth) {
    this.logId = logId;
    this.period = period;
    this.depth = depth;
  }

  int logId() {
    return logId;
  }

  /** Fills the log with {@code history} records up to now, all counted as read. */
  void start(Moment now, int history, Function<Moment, Map<Integer, RegisterValue>> sampler) {
    lastBoundary = period.boundary(now.meterTime()).minus(history, period.unit);
    advance(now, sampler);
    acknowledgedSeq = lastSeq;
    readSeq = lastSeq;
  }

  /**
   * Logs every boundary the meter's clock has passed since the last record (only the newest {@code
   * depth} are kept; ids still advance for the others). A clock set back logs nothing until it
   * passes the last record again.
   *
   * @return the number of records logged
   */
  long advance(Moment now, Function<Moment, Map<Integer, RegisterValue>> sampler) {
    LocalDateTime boundary = period.boundary(now.meterTime());
    long passed = period.unit.between(lastBoundary, boundary);
    if (passed <= 0) {
      return 0;
    }
    for (long i = Math.max(1, passed - depth + 1); i <= passed; i++) {
      LocalDateTime time = lastBoundary.plus(i, period.unit);
      entries.add(new Entry(lastSeq + i, time, sampler.apply(now.at(time))));
    }
    if (entries.size() > depth) {
      entries.subList(0, entries.size() - depth).clear();
    }
    lastSeq += passed;
    lastBoundary = boundary;
    return passed;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the newest record has been sent by a read (an empty log counts as read). */
  boolean newestRead() {
    return entries.isEmpty() || readSeq >= lastSeq;
  }

  /** Moves the marker GetLogLastPresent starts after to the newest record read. */
  void acknowledgeRead() {
    acknowledgedSeq = Math.max(acknowledgedSeq, readSeq);
  }

  List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Answers a logger read. */
  LogResponse read(LogRequest request) {
    if (entries.isEmpty()) {
      return new LogResponse(request.cid(), logId, List.of(), 0, 0, LogResponse.INFO_LOG_EMPTY);
    }
    int start;
    boolean forward = true;
    if (request instanceof GetLogTimePresentRequest r) {
      start = firstAtOrAfter(r.from());
    } else if (request instanceof GetLogLastPresentRequest) {
      start = firstAfterSeq(acknowledgedSeq);
    } else if (request instanceof GetLogIdPresentRequest r) {
      start = indexOfRecordId(r.fromRecordId());
    } else {
      GetLogTimePastRequest r = (GetLogTimePastRequest) request;
      int at = lastAtOrBefore(r.from());
      start = at < 0 ? -1 : at - r.offset();
      forward = false;
    }
    if (start < 0) {
      return answer(request, List.of(), LogResponse.INFO_OUT_OF_RANGE);
    }
    if (start >= entries.size()) {
      return answer(request, List.of(), LogResponse.INFO_END_OF_LOG);
    }
    return select(request, start, forward);
  }

  private LogResponse select(LogRequest request, int start, boolean forward) {
    List<Integer> layout = new ArrayList<>();
    for (int id : request.registerIds()) {
      if (entries.get(start).values().containsKey(id) && !layout.contains(id)) {
        layout.add(id);
      }
    }
    List<LogRecord> records = new ArrayList<>();
    List<RegisterValue> first = null;
    int length = HEADER + TRAILER;
    int info = 0;
    int index = start;
    while (records.size() < request.maxRecords() && index >= 0 && index < entries.size()) {
      Entry entry = entries.get(index);
      List<RegisterValue> values = new ArrayList<>(layout.size());
      for (int id : layout) {
        values.add(entry.values().get(id));
      }
      if (first != null && !sameLayout(first, values)) {
        break; // a register changed unit or format: the answer cannot carry it; stop here
      }
      int size = RECORD_ID;
      for (RegisterValue v : values) {
        size += v.nob() + (first == null ? BLOCK_HEADER : 0);
      }
      if (length + size > request.maxLength()) {
        info |= LogResponse.INFO_MAX_LENGTH_REACHED;
        break;
      }
      length += size;
      first = first == null ? values : first;
      records.add(new LogRecord(entry.recordId(), values));
      readSeq = Math.max(readSeq, entry.seq());
      index += forward ? 1 : -1;
    }
    if ((info & LogResponse.INFO_MAX_LENGTH_REACHED) == 0
        && (index < 0 || index >= entries.size())) {
      info |= LogResponse.INFO_END_OF_LOG;
    }
    return answer(request, records, info);
  }

  private static boolean sameLayout(List<RegisterValue> first, List<RegisterValue> values) {
    for (int i = 0; i < first.size(); i++) {
      RegisterValue a = first.get(i);
      RegisterValue b = values.get(i);
      if (b == null || a.unitCode() != b.unitCode() || a.siex() != b.siex() || a.nob() != b.nob()) {
        return false;
      }
    }
    return true;
  }

  private LogResponse answer(LogRequest request, List<LogRecord> records, int info) {
    return new LogResponse(
        request.cid(),
        logId,
        records,
        entries.get(0).recordId(),
        entries.get(entries.size() - 1).recordId(),
        info);
  }

  private int firstAtOrAfter(LocalDateTime from) {
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).time().isBefore(from)) {
        return i;
      }
    }
    return -1;
  }

  private int lastAtOrBefore(LocalDateTime from) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (!entries.get(i).time().isAfter(from)) {
        return i;
      }
    }
    return -1;
  }

  /** The first record newer than {@code seq}; {@code size()} when there is none. */
  private int firstAfterSeq(long seq) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).seq() > seq) {
        return i;
      }
    }
    return entries.size();
  }

  private int indexOfRecordId(int recordId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).recordId() == recordId) {
        return i;
      }
    }
    return -1;
  }
}
