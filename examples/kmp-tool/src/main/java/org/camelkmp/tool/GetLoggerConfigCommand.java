package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "get-logger-config",
    mixinStandardHelpOptions = true,
    description = {
      "Reads which registers one logger of a newer meter (MULTICAL 303/403/603) records"
          + " (GetLoggerConfig, CID 0xB8 sub-command 0x05). The answer's layout is not"
          + " documented by the vendor: a configuration that is not a register list is shown"
          + " as its bytes."
    })
final class GetLoggerConfigCommand extends MeterCommand {
  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      required = true,
      description = "The logger: year, month, day, hour, minute, minute2, or its type number 2..7.")
  String type;

  private GetLoggerConfigRequest request;

  @Override
  void prepare() {
    try {
      int loggerType = GetLoggerConfigRequest.parseType(type);
      request =
          (GetLoggerConfigRequest)
              CommandId.GET_LOGGER_CONFIG.request(
                  new OptionArguments(List.of()).with("loggerType", loggerType, "--type"));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  @Override
  List<CommandId> sends() {
    return List.of(CommandId.GET_LOGGER_CONFIG);
  }

  @Override
  void run(KmpClient client) {
    GetLoggerConfigResponse config = client.getLoggerConfig(request.loggerType());
    if (json()) {
      ObjectNode node = Json.object();
      Json.putLoggerType(node, request.loggerType());
      Json.putLoggerConfig(node, config);
      Json.print(out(), node);
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("logger type    " + Text.loggerType(request.loggerType()));
    lines.addAll(Text.loggerConfig(config));
    print(lines);
  }
}
