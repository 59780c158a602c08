package org.camelkmp.tool;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camelkmp.kmp.transport.Transports;
import picocli.CommandLine;

/** Runs kmp-tool in-process with captured stdout and stderr. */
final class ToolRunner {
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final Map<String, String> environment;

  /** Devices the tool made a transport for: empty when it never tried to reach a meter. */
  final List<String> devicesOpened = new ArrayList<>();

  ToolRunner() {
    this(Map.of());
  }

  ToolRunner(Map<String, String> environment) {
    this.environment = environment;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = commandLine(out, err).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The tool's command line writing to the given writers. */
  CommandLine commandLine(Writer out, Writer err) {
    KmpTool tool =
        new KmpTool(
            environment,
            (device, settings) -> {
              devicesOpened.add(device);
              return Transports.create(device, settings);
            });
    return KmpTool.commandLine(tool, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not JSON: " + out, e);
      }
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
