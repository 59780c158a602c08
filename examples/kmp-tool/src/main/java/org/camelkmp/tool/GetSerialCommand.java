package org.camelkmp.tool;

import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import picocli.CommandLine.Command;

@Command(
    name = "get-serial",
    mixinStandardHelpOptions = true,
    description = "Reads the meter's serial number (GetSerialNo, CID 0x02).")
final class GetSerialCommand extends MeterCommand {
  @Override
  List<CommandId> sends() {
    return List.of(CommandId.GET_SERIAL_NO);
  }

  @Override
  void run(KmpClient client) {
    long serial = client.getSerialNumber();
    if (json()) {
      Json.print(out(), Json.object().put("serialNumber", serial));
    } else {
      print(List.of("serial number  " + serial));
    }
  }
}
