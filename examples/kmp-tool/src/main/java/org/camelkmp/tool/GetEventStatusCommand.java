package org.camelkmp.tool;

import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.EventStatus;
import picocli.CommandLine.Command;

@Command(
    name = "get-event-status",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the event status bytes ES0..ES3 (GetEventStatus, CID 0x9B). ES2 bit 0: the"
          + " interval log has unread records; bit 1: the RTC log has."
    })
final class GetEventStatusCommand extends MeterCommand {
  @Override
  List<CommandId> sends() {
    return List.of(CommandId.GET_EVENT_STATUS);
  }

  @Override
  void run(KmpClient client) {
    EventStatus status = client.getEventStatus();
    if (json()) {
      Json.print(out(), Json.object().set("eventStatus", Json.eventStatus(status)));
    } else {
      print(List.of(Text.eventStatus(status)));
    }
  }
}
