package org.camelkmp.tool;

import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.EventStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "clear-event-status",
    mixinStandardHelpOptions = true,
    description = {
      "Clears event status bits (ClearEventStatus, CID 0x9C) and moves the log's \"last read\""
          + " marker that read-log --last-unread uses. Prints the status after. Changes the"
          + " meter: refused without --yes."
    })
final class ClearEventStatusCommand extends WriteCommand {
  @Option(
      names = "--conditional",
      paramLabel = "ES0..ES3",
      defaultValue = "00000300",
      converter = Converters.EventMask.class,
      description =
          "Bits to clear once the newest log record has been read, four bytes in hex."
              + " Default: ${DEFAULT-VALUE} (ES2 interval and RTC log unread).")
  EventStatus conditional;

  @Option(
      names = "--unconditional",
      paramLabel = "ES0..ES3",
      defaultValue = "00000000",
      converter = Converters.EventMask.class,
      description =
          "Bits to clear whatever was read, four bytes in hex. Default: ${DEFAULT-VALUE}.")
  EventStatus unconditional;

  @Override
  String change() {
    return "clear event status bits "
        + Hex.plain(conditional.toBytes())
        + " (if read) and "
        + Hex.plain(unconditional.toBytes())
        + " (always)";
  }

  @Override
  List<CommandId> sends() {
    return List.of(CommandId.CLEAR_EVENT_STATUS);
  }

  @Override
  void run(KmpClient client) {
    EventStatus after = client.clearEventStatus(conditional, unconditional);
    if (json()) {
      Json.print(out(), Json.object().set("eventStatus", Json.eventStatus(after)));
    } else {
      print(List.of("after clearing: " + Text.eventStatus(after)));
    }
  }
}
