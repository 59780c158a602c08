package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.GetTypeResponse;
import picocli.CommandLine.Command;

@Command(
    name = "get-type",
    mixinStandardHelpOptions = true,
    description = "Reads the meter type and software revision (GetType, CID 0x01).")
final class GetTypeCommand extends MeterCommand {
  @Override
  List<CommandId> sends() {
    return List.of(CommandId.GET_TYPE);
  }

  @Override
  void run(KmpClient client) {
    GetTypeResponse type = client.getType();
    String typeHex = String.format("0x%04X", type.meterType());
    if (json()) {
      ObjectNode node = Json.object();
      node.put("meterType", type.meterType());
      node.put("meterTypeHex", typeHex);
      node.put("revision", type.revisionText());
      Json.print(out(), node);
    } else {
      print(List.of("meter type  " + typeHex, "revision    " + type.revisionText()));
    }
  }
}
