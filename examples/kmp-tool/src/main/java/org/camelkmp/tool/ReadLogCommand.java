package org.camelkmp.tool;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.LogRequest;
import org.camelkmp.kmp.message.LogResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "read-log",
    mixinStandardHelpOptions = true,
    description = {
      "Reads records from a meter's logger, starting at one of: --since TIME"
          + " (GetLogTimePresent, 0xA0), --last-unread (GetLogLastPresent, 0xA1),"
          + " --from-record ID (GetLogIDPresent, 0xA2) or --before TIME [--offset N]"
          + " (GetLogTimePast, 0xA3). Logger modules answer at address 0x7F (-a 0x7F)."
    })
final class ReadLogCommand extends MeterCommand {
  @Option(
      names = "--log",
      paramLabel = "LID",
      defaultValue = "1",
      description = "Log id, 0..255; 1 is the interval (hourly) log. Default: ${DEFAULT-VALUE}.")
  int logId;

  @Option(
      names = {"-r", "--register"},
      paramLabel = "ID|NAME",
      arity = "1..*",
      required = true,
      description = "1..8 registers wanted in every record, ids or names, as for get-register.")
  List<String> registers = new ArrayList<>();

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "Records wanted, 1..255. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(
      names = "--max-length",
      paramLabel = "BYTES",
      defaultValue = "255",
      description =
          "MaxL: the longest answer the meter may send; it drops records to stay under it."
              + " Default: ${DEFAULT-VALUE}.")
  int maxLength;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = Converters.DateTime.class,
      description =
          "From the oldest record at or after TIME, towards now (0xA0). TIME is the meter's"
              + " local time, 2026-11-23T10:00:00, or an instant with a zone or offset,"
              + " 2026-12-01T00:00:00Z, taken in this computer's time zone.")
  LocalDateTime since;

  @Option(
      names = "--last-unread",
      description = "The records newer than the last acknowledged one (0xA1).")
  boolean lastUnread;

  @Option(
      names = "--from-record",
      paramLabel = "ID",
      converter = Converters.Word.class,
      description = "From record id ID, towards now (0xA2).")
  Integer fromRecord;

  @Option(
      names = "--before",
      paramLabel = "TIME",
      converter = Converters.DateTime.class,
      description =
          "From the record at or before TIME, towards the past (0xA3); TIME as for --since.")
  LocalDateTime before;

  @Option(
      names = "--offset",
      paramLabel = "N",
      converter = Converters.Word.class,
      description = "With --before: start N records further back. Default: 0.")
  Integer offset;

  private LogRequest request;

  @Override
  void prepare() {
    List<Integer> ids = new ArrayList<>(new java.util.LinkedHashSet<>(resolve(registers)));
    if (ids.size() > GetRegisterRequest.MAX_REGISTERS) {
      throw usage("a log read takes 1..8 registers, not " + ids.size());
    }
    if (count < 1 || count > 255) {
      throw usage("--count " + count + ": ask for 1..255 records");
    }
    int modes =
        (since != null ? 1 : 0)
            + (lastUnread ? 1 : 0)
            + (fromRecord != null ? 1 : 0)
            + (before != null ? 1 : 0);
    if (modes != 1) {
      throw usage(
          (modes == 0 ? "say where to start reading" : "give only one place to start reading")
              + ": one of --since TIME, --last-unread, --from-record ID, --before TIME");
    }
    if (offset != null && before == null) {
      throw usage("--offset goes with --before TIME");
    }
    OptionArguments arguments =
        new OptionArguments(ids)
            .with("logId", logId, "--log")
            .with("logRecords", count, "--count")
            .with("maxLength", maxLength, "--max-length")
            .with("logFrom", since != null ? since : before, since != null ? "--since" : "--before")
            .with("logRecordId", fromRecord, "--from-record")
            .with("logOffset", offset, "--offset");
    try {
      request = (LogRequest) command().request(arguments);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The logger read the options choose. */
  private CommandId command() {
    if (since != null) {
      return CommandId.GET_LOG_TIME_PRESENT;
    } else if (lastUnread) {
      return CommandId.GET_LOG_LAST_PRESENT;
    } else if (fromRecord != null) {
      return CommandId.GET_LOG_ID_PRESENT;
    }
    return CommandId.GET_LOG_TIME_PAST;
  }

  @Override
  List<CommandId> sends() {
    return List.of(
        CommandId.GET_LOG_TIME_PRESENT,
        CommandId.GET_LOG_LAST_PRESENT,
        CommandId.GET_LOG_ID_PRESENT,
        CommandId.GET_LOG_TIME_PAST);
  }

  @Override
  void run(KmpClient client) {
    LogResponse response = client.readLog(request);
    if (json()) {
      Json.print(out(), Json.logResponse(response));
    } else {
      print(Text.logTable(response));
    }
  }
}
