package org.camelkmp.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpMessage;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogRequest;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.RawResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;

/** Output for people: aligned columns and short descriptions of messages. */
final class Text {
  private Text() {}

  /** Columns padded to their widest cell; {@code rightAligned[i]} pads column i on the left. */
  static List<String> table(List<String[]> rows, boolean... rightAligned) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        boolean right = i < rightAligned.length && rightAligned[i];
        String cell = row[i];
        String pad = " ".repeat(widths[i] - cell.length());
        if (i > 0) {
          line.append("  ");
        }
        line.append(right ? pad + cell : i == columns - 1 ? cell : cell + pad);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** ID, NAME, VALUE, UNIT, one register a line. */
  static List<String> registerTable(List<RegisterValue> values) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "VALUE", "UNIT"});
    for (RegisterValue value : values) {
      rows.add(
          new String[] {
            Integer.toString(value.id()),
            value.register().name(),
            Values.display(value),
            value.unit().symbol()
          });
    }
    return table(rows, true);
  }

  /** {@code 60 (E1), 68 (V1)}. */
  static String ids(List<Integer> ids) {
    return ids.stream().map(Values::label).collect(Collectors.joining(", "));
  }

  static String eventStatus(EventStatus status) {
    return String.format(
        "ES0..ES3 %s (interval log unread: %s, RTC log unread: %s)",
        Hex.spaced(status.toBytes()),
        status.intervalLogUnread() ? "yes" : "no",
        status.rtcLogUnread() ? "yes" : "no");
  }

  /** Records as rows: record id, then one column per register. */
  static List<String> logTable(LogResponse response) {
    List<String> lines = new ArrayList<>();
    if (!response.records().isEmpty()) {
      List<RegisterValue> layout = response.records().get(0).values();
      List<String[]> rows = new ArrayList<>();
      String[] header = new String[layout.size() + 1];
      header[0] = "RECORD";
      for (int i = 0; i < layout.size(); i++) {
        RegisterValue v = layout.get(i);
        header[i + 1] = v.register().name() + " [" + v.unit().symbol() + "]";
      }
      rows.add(header);
      for (LogRecord record : response.records()) {
        String[] row = new String[layout.size() + 1];
        row[0] = Integer.toString(record.recordId());
        for (int i = 0; i < layout.size(); i++) {
          row[i + 1] = i < record.values().size() ? Values.display(record.values().get(i)) : "";
        }
        rows.add(row);
      }
      boolean[] right = new boolean[header.length];
      java.util.Arrays.fill(right, true);
      lines.addAll(table(rows, right));
    } else {
      lines.add("no records");
    }
    StringBuilder footer = new StringBuilder();
    if (response.complete()) {
      footer
          .append("log ")
          .append(response.logId())
          .append(": oldest record ")
          .append(response.oldestRecordId())
          .append(", newest ")
          .append(response.newestRecordId());
    } else {
      footer.append("short answer");
    }
    footer.append("; info ").append(Hex.byteHex(response.info()));
    List<String> flags = Json.infoFlags(response.info());
    if (!flags.isEmpty()) {
      footer.append(" (").append(String.join(", ", flags)).append(')');
    }
    lines.add(footer.toString());
    return lines;
  }

  /** {@code 5 (hour)}. */
  static String loggerType(int loggerType) {
    return loggerType + " (" + GetLoggerConfigRequest.typeName(loggerType) + ")";
  }

  /** The registers a logger records, or its configuration bytes when they are no register list. */
  static List<String> loggerConfig(GetLoggerConfigResponse config) {
    List<String> lines = new ArrayList<>();
    config
        .registerIds()
        .ifPresentOrElse(
            ids -> lines.add("registers      " + (ids.isEmpty() ? "none" : ids(ids))),
            () ->
                lines.add(
                    "configuration  "
                        + Hex.spaced(config.configuration())
                        + " (not a register list)"));
    return lines;
  }

  /** What a decoded frame says, a few lines. */
  static List<String> describe(DecodedFrame frame) {
    List<String> lines = new ArrayList<>();
    KmpMessage message = frame.message();
    if (message instanceof AckResponse) {
      lines.add("ACK (0x06) from the meter: command accepted");
      return lines;
    }
    lines.add(
        String.format(
            "%s %s %s: %s (CID %s)",
            frame.direction() == org.camelkmp.kmp.frame.Direction.REQUEST ? "request" : "response",
            frame.direction() == org.camelkmp.kmp.frame.Direction.REQUEST ? "to" : "from",
            Hex.byteHex(frame.address()),
            message.commandName(),
            Hex.byteHex(message.cid())));
    details(message, lines);
    return lines;
  }

  /** One line for the -vv trace. */
  static String summary(KmpMessage message) {
    if (message instanceof GetRegisterResponse response) {
      return message.commandName()
          + ": "
          + (response.values().isEmpty()
              ? "no registers"
              : response.values().stream()
                  .map(v -> Values.label(v.id()) + " = " + Values.display(v) + " " + v.unit())
                  .collect(Collectors.joining(", ")));
    }
    if (message instanceof LogResponse log) {
      return String.format(
          "%s: %d record(s), info %s", message.commandName(), log.records().size(), log.info());
    }
    List<String> lines = new ArrayList<>();
    details(message, lines);
    String name = message.commandName();
    if (lines.isEmpty()) {
      return name;
    }
    return name
        + ": "
        + lines.stream().map(String::strip).collect(Collectors.joining("; ")).replaceAll(" +", " ");
  }

  private static void details(KmpMessage message, List<String> lines) {
    if (message instanceof GetTypeResponse type) {
      lines.add(String.format("meter type  0x%04X", type.meterType()));
      lines.add("revision    " + type.revisionText());
    } else if (message instanceof GetSerialNoResponse serial) {
      lines.add("serial number  " + serial.serialNumber());
    } else if (message instanceof GetRegisterRequest request) {
      lines.add("registers  " + ids(request.registerIds()));
    } else if (message instanceof GetRegisterResponse response) {
      if (response.values().isEmpty()) {
        lines.add("no registers (the meter has none of those asked)");
      } else {
        lines.addAll(registerTable(response.values()));
      }
    } else if (message instanceof SetClockRequest setClock) {
      lines.add("set clock to  " + Values.dateTime(setClock.dateTime()));
    } else if (message instanceof PutRegisterRequest put) {
      RegisterValue v = put.value();
      lines.add(
          "write  "
              + Values.label(v.id())
              + " = "
              + Values.display(v)
              + " "
              + v.unit().symbol()
              + " (password "
              + put.password()
              + ")");
    } else if (message instanceof EventStatusResponse status) {
      lines.add(eventStatus(status.status()));
    } else if (message instanceof ClearEventStatusRequest clear) {
      lines.add("clear if read    " + Hex.spaced(clear.conditional().toBytes()));
      lines.add("clear always     " + Hex.spaced(clear.unconditional().toBytes()));
    } else if (message instanceof LogRequest log) {
      lines.add(
          String.format(
              "log %d, %d record(s), MaxL %d, registers %s",
              log.logId(), log.maxRecords(), log.maxLength(), ids(log.registerIds())));
      if (log instanceof GetLogTimePresentRequest since) {
        lines.add("from the oldest record at or after " + Values.dateTime(since.from()));
      } else if (log instanceof GetLogIdPresentRequest fromId) {
        lines.add("from record " + fromId.fromRecordId() + " towards now");
      } else if (log instanceof GetLogTimePastRequest past) {
        lines.add(
            "from the record at or before "
                + Values.dateTime(past.from())
                + ", back "
                + past.offset()
                + ", towards the past");
      } else {
        lines.add("records not yet acknowledged");
      }
    } else if (message instanceof LogResponse log) {
      lines.addAll(logTable(log));
    } else if (message instanceof GetLoggerConfigRequest config) {
      lines.add("logger type    " + loggerType(config.loggerType()));
    } else if (message instanceof GetLoggerConfigResponse config) {
      if (config.echoed()) {
        lines.add("logger type    " + loggerType(config.loggerType()));
      }
      lines.addAll(loggerConfig(config));
    } else if (message instanceof RawRequest raw) {
      lines.add("data  " + Hex.spaced(raw.data()));
    } else if (message instanceof RawResponse raw) {
      lines.add("data  " + Hex.spaced(raw.data()));
    }
  }
}
