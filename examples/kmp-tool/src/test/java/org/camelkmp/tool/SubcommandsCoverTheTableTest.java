package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camelkmp.kmp.message.CommandId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The subcommands stay one class each (each formats its own command's answer), so registering them
 * is not derived from the command table; this test is what keeps them in step with it.
 */
class SubcommandsCoverTheTableTest {

  @Test
  void everyCommandOfTheTableThatOnlyReadsHasASubcommand() {
    Set<CommandId> sent = new HashSet<>();
    CommandLine tool = new ToolRunner().commandLine(new StringWriter(), new StringWriter());
    for (CommandLine sub : tool.getSubcommands().values()) {
      if (sub.getCommand() instanceof MeterCommand meterCommand) {
        sent.addAll(meterCommand.sends());
      }
    }
    assertThat(sent)
        .as("commands of CommandId that only read: add a kmp-tool subcommand for a new one")
        .containsAll(Arrays.stream(CommandId.values()).filter(c -> !c.changesMeter()).toList());
  }
}
