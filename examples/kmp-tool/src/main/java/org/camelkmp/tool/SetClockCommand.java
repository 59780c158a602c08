package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "set-clock",
    mixinStandardHelpOptions = true,
    description = {
      "Sets the meter's clock (SetClock, CID 0x09) to now or to --time, in the meter's local"
          + " time. Changes the meter: refused without --yes."
    })
final class SetClockCommand extends WriteCommand {
  @Option(
      names = "--time",
      paramLabel = "TIME",
      converter = Converters.DateTime.class,
      description =
          "Local date and time such as 2026-11-23T10:00:00, or an instant with a zone such as"
              + " 2026-12-01T00:00:00Z, taken in this computer's time zone. Default: now.")
  LocalDateTime time;

  private LocalDateTime target;

  @Override
  void prepare() {
    target = (time != null ? time : LocalDateTime.now()).withNano(0);
    if (target.getYear() < 2000 || target.getYear() > 2099) {
      throw usage("--time " + target + ": the meter's clock takes years 2000..2099");
    }
  }

  @Override
  String change() {
    return "set its clock to " + Values.dateTime(target);
  }

  @Override
  List<CommandId> sends() {
    return List.of(CommandId.SET_CLOCK);
  }

  @Override
  void run(KmpClient client) {
    client.setClock(target);
    if (json()) {
      ObjectNode node = Json.object();
      node.put("clock", Values.dateTime(target));
      node.put("acknowledged", true);
      Json.print(out(), node);
    } else {
      print(List.of("clock set to " + Values.dateTime(target) + " (acknowledged by the meter)"));
    }
  }
}
