package org.camelkmp.tool;

import picocli.CommandLine.Option;

/** A command that changes the meter: refused unless confirmed with {@code --yes}. */
abstract class WriteCommand extends MeterCommand {
  @Option(
      names = "--yes",
      description =
          "Really send it. This command changes the meter; without --yes nothing is sent.")
  boolean yes;

  @Override
  boolean confirmed() {
    return yes;
  }

  @Override
  abstract String change();
}
