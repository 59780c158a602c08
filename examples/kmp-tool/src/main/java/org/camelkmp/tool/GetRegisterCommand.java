package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.message.CommandId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "get-register",
    mixinStandardHelpOptions = true,
    description = {
      "Reads registers by id or name, eight per request (GetRegister, CID 0x10).",
      "Registers the meter does not have are listed as missing; that is not an error."
    })
final class GetRegisterCommand extends MeterCommand {
  @Option(
      names = {"-r", "--register"},
      paramLabel = "ID|NAME",
      arity = "1..*",
      required = true,
      description =
          "Registers: ids (60, 0x3C) or names (E1, V1, T1); repeat the option, list several"
              + " after it, or separate them by commas: -r E1,V1 -r 1002.")
  List<String> registers = new ArrayList<>();

  private List<Integer> ids;

  @Override
  void prepare() {
    ids = resolve(registers);
  }

  @Override
  List<CommandId> sends() {
    return List.of(CommandId.GET_REGISTER);
  }

  @Override
  void run(KmpClient client) {
    RegisterReading reading = client.readRegisters(ids);
    log()
        .info(
            "{} register(s) read in {} request(s), {} missing",
            reading.values().size(),
            reading.requestCount(),
            reading.missing().size());
    if (json()) {
      ObjectNode node = Json.object();
      node.set("registers", Json.registers(reading.values()));
      node.set("missing", Json.ids(reading.missing()));
      node.put("requestCount", reading.requestCount());
      node.put("readAt", reading.readAt().toString());
      node.put("durationMillis", reading.duration().toMillis());
      Json.print(out(), node);
      return;
    }
    List<String> lines = new ArrayList<>();
    if (!reading.values().isEmpty()) {
      lines.addAll(Text.registerTable(reading.values()));
    }
    if (!reading.missing().isEmpty()) {
      lines.add("missing (the meter did not send them): " + Text.ids(reading.missing()));
    }
    print(lines);
  }
}
