package org.camelkmp.tool;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.value.Register;
import org.camelkmp.kmp.value.Registers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a meter. In order: its arguments are checked ({@link #prepare()}), the
 * device is found, a command that changes the meter is refused without {@code --yes}, and only then
 * is the port opened. Nothing reaches the meter unless everything before went well.
 */
abstract class MeterCommand implements Callable<Integer> {
  @ParentCommand KmpTool tool;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON for machines instead of text.")
  boolean json;

  /** Whether --json was given before or after the command. */
  boolean json() {
    return json || tool.json;
  }

  /** Checks and converts the arguments; throws {@link #usage(String)} for bad ones. */
  void prepare() {}

  /**
   * For a command that changes the meter: what it would do, for the refusal without {@code --yes};
   * null for a command that only reads.
   */
  String change() {
    return null;
  }

  /** Whether {@code --yes} was given. */
  boolean confirmed() {
    return false;
  }

  /**
   * The commands of the table ({@link CommandId}) this subcommand sends: a test checks that every
   * command that only reads has a subcommand.
   */
  abstract List<CommandId> sends();

  /** Talks to the meter and prints the result. */
  abstract void run(KmpClient client);

  @Override
  public final Integer call() {
    prepare();
    tool.device(spec.commandLine());
    String change = change();
    if (change != null && !confirmed()) {
      throw new WriteRefusedException(
          spec.name() + " changes the meter: not sent; add --yes to " + change);
    }
    try (KmpClient client = tool.connect(spec.commandLine())) {
      long started = System.nanoTime();
      log()
          .info(
              "{} on {}, address 0x{}, timeout {} ms, {} retries",
              spec.name(),
              client.transport().name(),
              String.format("%02X", client.options().address()),
              client.options().timeout().toMillis(),
              client.options().retries());
      run(client);
      log().info("{} done in {} ms", spec.name(), (System.nanoTime() - started) / 1_000_000);
    }
    return ExitCodes.OK;
  }

  /**
   * The logger, made only when the command runs: slf4j-simple reads its configuration when the
   * first logger is made, and {@link Logging} sets it after the command line is parsed.
   */
  Logger log() {
    return LoggerFactory.getLogger(getClass());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  void print(List<String> lines) {
    PrintWriter out = out();
    lines.forEach(out::println);
    out.flush();
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * Resolves ids and names, each argument possibly a comma- or space-separated list.
   *
   * @throws ParameterException with the catalogue's explanation
   */
  List<Integer> resolve(List<String> arguments) {
    List<Integer> ids = new ArrayList<>();
    for (String argument : arguments) {
      try {
        for (Register register : Registers.resolveAll(argument)) {
          ids.add(register.id());
        }
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    return ids;
  }
}
