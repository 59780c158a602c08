package org.camelkmp.kmp.message;

import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * What the four logger reads (0xA0..0xA3) share. The request: log id(1), the registers (count(1),
 * ids(2 each)), records wanted(1), MaxL(1), then where reading starts, which each read writes
 * itself. The answer: log id(1), register count(1), the records (record id(2), then full register
 * blocks in the first record and only the values in the others), oldest and newest record id(2
 * each) and INFO(1); or, from a meter that sets an INFO bit, a shorter answer ending in INFO.
 * Arguments: {@code logId} (1 when not given), {@code registers} (1..8), {@code logRecords} (1),
 * {@code maxLength} (255), and each read's own.
 */
abstract class LogReadCodec<Q extends LogRequest> extends CommandCodec<Q, LogResponse> {
  LogReadCodec(Class<Q> requestType) {
    super(requestType, LogResponse.class);
  }

  /** The request from the common fields and the read's own arguments. */
  abstract Q request(Common common, CommandArguments arguments);

  /** Writes where reading starts. */
  abstract void writeStart(Q request, ByteSink out);

  /** Reads where reading starts, and makes the request. */
  abstract Q readStart(Common common, ByteSource in);

  /** The fields every logger read has. */
  record Common(int logId, List<Integer> registerIds, int maxRecords, int maxLength) {}

  @Override
  final Q request(CommandArguments arguments) {
    Common common =
        new Common(
            arguments.integer("logId", 1),
            arguments.distinctRegisters(GetRegisterRequest.MAX_REGISTERS),
            arguments.integer("logRecords", 1),
            arguments.integer("maxLength", 255));
    return request(common, arguments);
  }

  @Override
  final void writeRequest(Q request, ByteSink out) {
    out.u8(request.logId());
    GetRegisterCodec.writeIds(request.registerIds(), out);
    out.u8(request.maxRecords()).u8(request.maxLength());
    writeStart(request, out);
  }

  @Override
  final KmpRequest readRequest(int cid, ByteSource in) {
    int logId = in.u8();
    List<Integer> ids = GetRegisterCodec.readIds(in);
    int records = in.u8();
    int maxLength = in.u8();
    return readStart(new Common(logId, ids, records, maxLength), in);
  }

  @Override
  final void writeResponse(LogResponse response, ByteSink out) {
    if (!response.complete()) {
      out.u8(response.info());
      return;
    }
    List<LogRecord> records = response.records();
    List<RegisterValue> layout = records.isEmpty() ? List.of() : records.get(0).values();
    out.u8(response.logId()).u8(layout.size());
    for (int i = 0; i < records.size(); i++) {
      LogRecord record = records.get(i);
      out.u16(record.recordId());
      if (i == 0) {
        record.values().forEach(v -> RegisterBlocks.write(out, v));
      } else {
        checkSameLayout(layout, record);
        record.values().forEach(v -> out.bytes(v.bytes()));
      }
    }
    out.u16(response.oldestRecordId()).u16(response.newestRecordId()).u8(response.info());
  }

  private static void checkSameLayout(List<RegisterValue> layout, LogRecord record) {
    List<RegisterValue> values = record.values();
    boolean same = values.size() == layout.size();
    for (int i = 0; same && i < values.size(); i++) {
      RegisterValue a = layout.get(i);
      RegisterValue b = values.get(i);
      same =
          a.id() == b.id()
              && a.unitCode() == b.unitCode()
              && a.siex() == b.siex()
              && a.nob() == b.nob();
    }
    if (!same) {
      throw new IllegalArgumentException(
          "log record "
              + record.recordId()
              + " differs in registers, units, SiEx or length from the first");
    }
  }

  @Override
  final LogResponse readResponse(int cid, ByteSource in) {
    LogResponse response;
    try {
      response = fullResponse(cid, in.rest("log response"));
    } catch (KmpMessageException e) {
      int info = in.lastByte();
      if (in.messageLength() < 2 || info == 0) {
        throw e;
      }
      // A meter that sets an INFO bit may send a shorter layout: CID first, INFO last.
      response = new LogResponse(cid, -1, List.of(), -1, -1, info);
    }
    in.skipRest();
    return response;
  }

  private static LogResponse fullResponse(int cid, ByteSource in) {
    int logId = in.u8();
    int n = in.u8();
    List<LogRecord> records = new ArrayList<>();
    List<RegisterValue> layout = List.of();
    while (in.remaining() > 5) {
      int recordId = in.u16();
      List<RegisterValue> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (records.isEmpty()) {
          values.add(RegisterBlocks.read(in));
        } else {
          RegisterValue first = layout.get(i);
          values.add(
              new RegisterValue(first.id(), first.unitCode(), first.siex(), in.take(first.nob())));
        }
      }
      if (records.isEmpty()) {
        layout = values;
      }
      records.add(new LogRecord(recordId, values));
    }
    int oldest = in.u16();
    int newest = in.u16();
    int info = in.u8();
    in.expectEnd();
    return new LogResponse(cid, logId, records, oldest, newest, info);
  }
}
