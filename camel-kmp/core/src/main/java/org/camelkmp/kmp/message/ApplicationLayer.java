package org.camelkmp.kmp.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * The application layer: typed messages to and from their bytes (CID followed by data), in both
 * directions. Unknown CIDs become {@link RawRequest} / {@link RawResponse}; data that does not fit
 * its CID is a {@link KmpMessageException}, never another exception.
 */
public final class ApplicationLayer {
  /** "GetRegister request" and so on by CID, for messages; made once, not on every decode. */
  private static final String[] REQUEST_NAMES = names("request");

  private static final String[] RESPONSE_NAMES = names("response");

  private ApplicationLayer() {}

  private static String[] names(String direction) {
    String[] names = new String[256];
    for (int cid = 0; cid < names.length; cid++) {
      names[cid] =
          CommandId.of(cid).map(CommandId::commandName).orElse(direction) + " " + direction;
    }
    return names;
  }

  /** CID and data of a request. */
  public static byte[] encode(KmpRequest request) {
    ByteSink out = new ByteSink().u8(request.cid());
    if (request instanceof SetClockRequest r) {
      LocalDateTime t = r.dateTime();
      out.u32((t.getYear() - 2000) * 10_000L + t.getMonthValue() * 100L + t.getDayOfMonth());
      out.u32(t.getHour() * 10_000L + t.getMinute() * 100L + t.getSecond());
    } else if (request instanceof GetRegisterRequest r) {
      out.u8(r.registerIds().size());
      r.registerIds().forEach(out::u16);
    } else if (request instanceof PutRegisterRequest r) {
      out.u16(r.password());
      RegisterBlocks.write(out, r.value());
    } else if (request instanceof ClearEventStatusRequest r) {
      out.bytes(r.conditional().toBytes()).bytes(r.unconditional().toBytes());
    } else if (request instanceof LogRequest r) {
      encodeLogRequest(out, r);
    } else if (request instanceof RawRequest r) {
      out.bytes(r.data());
    }
    return out.toArray();
  }

  private static void encodeLogRequest(ByteSink out, LogRequest r) {
    out.u8(r.logId()).u8(r.registerIds().size());
    r.registerIds().forEach(out::u16);
    out.u8(r.maxRecords()).u8(r.maxLength());
    if (r instanceof GetLogTimePresentRequest t) {
      LogTime.write(out, t.from());
    } else if (r instanceof GetLogIdPresentRequest i) {
      out.u16(i.fromRecordId());
    } else if (r instanceof GetLogTimePastRequest p) {
      LogTime.write(out, p.from());
      out.u16(p.offset());
    }
  }

  /** CID and data of a response; an ACK has no application bytes and is refused here. */
  public static byte[] encode(KmpResponse response) {
    ByteSink out = new ByteSink(expectedLength(response)).u8(response.cid());
    if (response instanceof AckResponse) {
      throw new IllegalArgumentException("an ACK is a lone byte, not an application message");
    } else if (response instanceof GetTypeResponse r) {
      out.u16(r.meterType()).u16(r.revision());
    } else if (response instanceof GetSerialNoResponse r) {
      out.u32(r.serialNumber());
    } else if (response instanceof GetRegisterResponse r) {
      r.values().forEach(v -> RegisterBlocks.write(out, v));
    } else if (response instanceof EventStatusResponse r) {
      out.bytes(r.status().toBytes());
    } else if (response instanceof LogResponse r) {
      encodeLogResponse(out, r);
    } else if (response instanceof RawResponse r) {
      out.bytes(r.data());
    }
    return out.toArray();
  }

  /** The exact length of a GetRegister answer, so its buffer is made once; a guess otherwise. */
  private static int expectedLength(KmpResponse response) {
    if (response instanceof GetRegisterResponse r) {
      int length = 1;
      for (RegisterValue v : r.values()) {
        length += 5 + v.nob();
      }
      return length;
    }
    return 32;
  }

  private static void encodeLogResponse(ByteSink out, LogResponse r) {
    if (!r.complete()) {
      out.u8(r.info());
      return;
    }
    List<LogRecord> records = r.records();
    List<RegisterValue> layout = records.isEmpty() ? List.of() : records.get(0).values();
    out.u8(r.logId()).u8(layout.size());
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
    out.u16(r.oldestRecordId()).u16(r.newestRecordId()).u8(r.info());
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

  /**
   * Decodes a request's CID and data.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpRequest decodeRequest(byte[] application) {
    return decodeRequest(application, 0, application.length);
  }

  /**
   * Decodes a request's CID and data from {@code bytes[offset .. offset + length)}, such as the
   * application bytes inside a data-link frame, without copying them out first.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpRequest decodeRequest(byte[] bytes, int offset, int length) {
    if (length == 0) {
      throw new KmpMessageException("request has no CID");
    }
    int cid = bytes[offset] & 0xFF;
    String what = REQUEST_NAMES[cid];
    ByteSource in = new ByteSource(bytes, offset, offset + 1, offset + length, what);
    try {
      KmpRequest request =
          switch (cid) {
            case 0x01 -> new GetTypeRequest();
            case 0x02 -> new GetSerialNoRequest();
            case 0x9B -> new GetEventStatusRequest();
            case 0x09 -> new SetClockRequest(clock(in.u32(), in.u32()));
            case 0x10 -> new GetRegisterRequest(ids(in));
            case 0x11 -> new PutRegisterRequest(in.u16(), RegisterBlocks.read(in));
            case 0x9C ->
                new ClearEventStatusRequest(
                    EventStatus.of(in.take(4), 0), EventStatus.of(in.take(4), 0));
            case 0xA0, 0xA1, 0xA2, 0xA3 -> decodeLogRequest(cid, in);
            default -> new RawRequest(cid, in.take(in.remaining()));
          };
      in.expectEnd();
      return request;
    } catch (IllegalArgumentException e) {
      throw new KmpMessageException(what + " is invalid: " + e.getMessage());
    }
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

  private static List<Integer> ids(ByteSource in) {
    int n = in.u8();
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(in.u16());
    }
    return ids;
  }

  private static LogRequest decodeLogRequest(int cid, ByteSource in) {
    int logId = in.u8();
    List<Integer> ids = ids(in);
    int records = in.u8();
    int maxLength = in.u8();
    return switch (cid) {
      case 0xA0 -> new GetLogTimePresentRequest(logId, ids, records, maxLength, LogTime.read(in));
      case 0xA1 -> new GetLogLastPresentRequest(logId, ids, records, maxLength);
      case 0xA2 -> new GetLogIdPresentRequest(logId, ids, records, maxLength, in.u16());
      default ->
          new GetLogTimePastRequest(logId, ids, records, maxLength, LogTime.read(in), in.u16());
    };
  }

  /**
   * Decodes a response's CID and data.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpResponse decodeResponse(byte[] application) {
    return decodeResponse(application, 0, application.length);
  }

  /**
   * Decodes a response's CID and data from {@code bytes[offset .. offset + length)}, such as the
   * application bytes inside a data-link frame, without copying them out first.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpResponse decodeResponse(byte[] bytes, int offset, int length) {
    if (length == 0) {
      throw new KmpMessageException("response has no CID");
    }
    int cid = bytes[offset] & 0xFF;
    String what = RESPONSE_NAMES[cid];
    int end = offset + length;
    ByteSource in = new ByteSource(bytes, offset, offset + 1, end, what);
    try {
      KmpResponse response =
          switch (cid) {
            case 0x01 -> new GetTypeResponse(in.u16(), in.u16());
            case 0x02 -> new GetSerialNoResponse(in.u32());
            case 0x10 -> new GetRegisterResponse(blocks(in));
            case 0x9B, 0x9C -> new EventStatusResponse(cid, EventStatus.of(in.take(4), 0));
            case 0xA0, 0xA1, 0xA2, 0xA3 -> decodeLogResponse(cid, bytes, offset, end, in);
            default -> new RawResponse(cid, in.take(in.remaining()));
          };
      in.expectEnd();
      return response;
    } catch (IllegalArgumentException e) {
      throw new KmpMessageException(what + " is invalid: " + e.getMessage());
    }
  }

  private static List<RegisterValue> blocks(ByteSource in) {
    List<RegisterValue> values = new ArrayList<>();
    while (in.remaining() > 0) {
      values.add(RegisterBlocks.read(in));
    }
    return values;
  }

  private static LogResponse decodeLogResponse(
      int cid, byte[] bytes, int offset, int end, ByteSource in) {
    LogResponse response;
    try {
      response =
          fullLogResponse(cid, new ByteSource(bytes, offset, in.position(), end, "log response"));
    } catch (KmpMessageException e) {
      int info = bytes[end - 1] & 0xFF;
      if (end - offset < 2 || info == 0) {
        throw e;
      }
      // A meter that sets an INFO bit may send a shorter layout: CID first, INFO last.
      response = new LogResponse(cid, -1, List.of(), -1, -1, info);
    }
    in.take(in.remaining());
    return response;
  }

  private static LogResponse fullLogResponse(int cid, ByteSource in) {
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
