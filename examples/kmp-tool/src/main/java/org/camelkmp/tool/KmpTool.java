package org.camelkmp.tool;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transport;
import org.camelkmp.kmp.transport.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code kmp-tool}: reads and writes Kamstrup meters over KMP from the command line, decodes
 * captured frames and runs a meter simulator.
 *
 * <p>Global options go before the command. Every failure ends with one line on stderr and an exit
 * status of its kind (see {@link ExitCodes}); a stack trace only with {@code -vv}.
 */
@Command(
    name = "kmp-tool",
    mixinStandardHelpOptions = true,
    versionProvider = KmpTool.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Reads and writes Kamstrup meters over KMP (the Kamstrup Meter Protocol) through an"
          + " optical head on a serial port or a ser2net gateway, decodes captured frames, and"
          + " runs a meter simulator.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      GetRegisterCommand.class,
      GetSerialCommand.class,
      GetTypeCommand.class,
      SetClockCommand.class,
      PutRegisterCommand.class,
      ReadLogCommand.class,
      GetEventStatusCommand.class,
      ClearEventStatusCommand.class,
      GetLoggerConfigCommand.class,
      DecodeCommand.class,
      SimulateCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  KMP_DEVICE   the device when -d/--device is not given",
      "",
      "Examples:",
      "  kmp-tool -d /dev/ttyUSB0 get-register -r E1,V1,T1,T2",
      "  kmp-tool -d socket://gateway:2002 --json get-register -r 60 -r 68",
      "  kmp-tool decode 403F0100041BF90126990D",
      "  kmp-tool simulate --port 2002"
    })
public final class KmpTool implements Callable<Integer> {
  /** Environment variable holding the default device. */
  public static final String DEVICE_VARIABLE = "KMP_DEVICE";

  @Spec CommandSpec spec;

  @Option(
      names = {"-d", "--device"},
      paramLabel = "DEVICE",
      description =
          "Serial port (/dev/ttyUSB0, COM3) or socket://host:port of a ser2net gateway."
              + " Default: the KMP_DEVICE environment variable.")
  String device;

  @Option(
      names = {"-a", "--address"},
      paramLabel = "ADDR",
      defaultValue = "0x3F",
      converter = Converters.ByteValue.class,
      description =
          "Destination address, decimal or 0x hex: 0x3F heat meter, 0x7F logger top module,"
              + " 0xBF logger base module. Default: ${DEFAULT-VALUE}.")
  int address;

  @Option(
      names = "--baud",
      paramLabel = "BAUD",
      defaultValue = "1200",
      converter = Converters.Baud.class,
      description =
          "Serial speed (8N2): 1200, which every KMP meter speaks, or 2400, which newer meters"
              + " also accept; other speeds are refused. Ignored for socket:// devices, whose"
              + " gateway sets it. Default: ${DEFAULT-VALUE}.")
  int baud;

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      defaultValue = "2s",
      converter = Converters.Timeout.class,
      description =
          "How long the meter may take to start answering: 2s, 1500ms, 2.5 (seconds)."
              + " Meters answer within 1.6 s. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Further attempts after a timeout or bad answer, each after 1.6 s of quiet (0..10)."
              + " Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(
      names = "--json",
      description = "Print JSON for machines instead of text (also accepted after the command).")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "-v logs what happens (info); -vv also shows every frame in hex, both directions,"
              + " with its decoding steps (debug), and stack traces.")
  boolean[] verbose = new boolean[0];

  private final Map<String, String> environment;
  private final BiFunction<String, LineSettings, Transport> transports;

  /** A tool reading the process environment and opening real transports. */
  public KmpTool() {
    this(System.getenv(), Transports::create);
  }

  /**
   * @param environment where {@value #DEVICE_VARIABLE} is looked up
   * @param transports makes the transport for a device string
   */
  public KmpTool(
      Map<String, String> environment, BiFunction<String, LineSettings, Transport> transports) {
    this.environment = Map.copyOf(environment);
    this.transports = transports;
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: JSON is UTF-8, and units such as m³ and °C must survive
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    System.exit(commandLine(new KmpTool(), out, err).execute(args));
  }

  /**
   * The command line with the tool's error handling: one line on stderr and an exit status per kind
   * of failure.
   */
  public static CommandLine commandLine(KmpTool tool, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(tool);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // "get-register -r E1 -d x": -d is an unknown option of get-register, not a register
    commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
    commandLine.setParameterExceptionHandler(parameterExceptionHandler());
    commandLine.setExecutionExceptionHandler(tool.executionExceptionHandler());
    commandLine.setExecutionStrategy(
        parseResult -> {
          Logging.configure(tool.verbosity());
          return new CommandLine.RunLast().execute(parseResult);
        });
    addExitCodes(commandLine);
    return commandLine;
  }

  private static void addExitCodes(CommandLine commandLine) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String entry : ExitCodes.HELP_LIST) {
      int colon = entry.indexOf(':');
      codes.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    commandLine.getCommandSpec().usageMessage().exitCodeList(codes);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      addExitCodes(sub);
    }
  }

  private static IParameterExceptionHandler parameterExceptionHandler() {
    return (ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      String message = unknownCommand(ex);
      String global = globalOptionAfterCommand(ex, args);
      if (message == null && global != null) {
        message =
            "'"
                + global
                + "' is not an option of "
                + cmd.getCommandName()
                + "; global options such as "
                + global
                + " go before the command: kmp-tool "
                + global
                + (takesValue(cmd, global) ? " … " : " ")
                + cmd.getCommandName()
                + " …";
      } else if (message == null) {
        message = oneLine(ex.getMessage());
      }
      err.println(
          "kmp-tool: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
      err.flush();
      return ExitCodes.USAGE;
    };
  }

  /**
   * For a word where a command belongs that names none: "unknown command", with the nearest command
   * when one is close; null for any other failure.
   */
  static String unknownCommand(ParameterException ex) {
    CommandLine cmd = ex.getCommandLine();
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || cmd.getSubcommands().isEmpty()
        || unmatched.getUnmatched().isEmpty()) {
      return null;
    }
    String word = unmatched.getUnmatched().get(0);
    if (word.startsWith("-")) {
      return null;
    }
    String nearest = null;
    int distance = Integer.MAX_VALUE;
    for (String name : cmd.getSubcommands().keySet()) {
      int d = editDistance(word.toLowerCase(java.util.Locale.ROOT), name);
      if (d < distance) {
        nearest = name;
        distance = d;
      }
    }
    if (nearest != null && distance <= Math.max(2, nearest.length() / 3)) {
      return "unknown command '" + word + "'; did you mean '" + nearest + "'?";
    }
    return "unknown command '"
        + word
        + "': give one of "
        + String.join(", ", cmd.getSubcommands().keySet());
  }

  /** Levenshtein distance: insertions, deletions and substitutions from {@code a} to {@code b}. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static boolean takesValue(CommandLine cmd, String globalOption) {
    CommandLine root = cmd;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommandSpec().findOption(globalOption).arity().max() > 0;
  }

  /**
   * A global option given after the command, or null. Picocli reports it as unmatched, or, after an
   * option that takes several values ({@code -r E1 -d …}), as an unknown option where a value was
   * expected; either way it is one of the arguments after the command's name.
   */
  private static String globalOptionAfterCommand(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    CommandLine root = cmd;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    if (root == cmd) {
      return null;
    }
    int commandAt = java.util.Arrays.asList(args).indexOf(cmd.getCommandName());
    for (int i = commandAt + 1; commandAt >= 0 && i < args.length; i++) {
      String argument = args[i];
      String name =
          argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (name.startsWith("-")
          && root.getCommandSpec().findOption(name) != null
          && cmd.getCommandSpec().findOption(name) == null) {
        return name;
      }
    }
    return null;
  }

  private IExecutionExceptionHandler executionExceptionHandler() {
    return (ex, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      int code = ExitCodes.of(ex);
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      err.println(
          "kmp-tool: " + oneLine(code == ExitCodes.SOFTWARE ? "internal error: " + ex : message));
      if (verbosity() >= 2) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    };
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** 0 by default, 1 with -v, 2 with -vv. */
  int verbosity() {
    return verbose == null ? 0 : verbose.length;
  }

  /** Without a command: a usage error that names the commands. */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "no command given: one of "
            + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }

  /**
   * The device from {@code --device} or {@value #DEVICE_VARIABLE}.
   *
   * @throws ParameterException when neither is given
   */
  String device(CommandLine commandLine) {
    String chosen = device != null ? device : environment.get(DEVICE_VARIABLE);
    if (chosen == null || chosen.isBlank()) {
      throw new ParameterException(
          commandLine,
          "no device: give -d/--device (a serial port such as /dev/ttyUSB0 or socket://host:port)"
              + " before the command, or set "
              + DEVICE_VARIABLE);
    }
    return chosen.strip();
  }

  /** A client on the device, its transport not yet opened. */
  KmpClient connect(CommandLine commandLine) {
    String chosen = device(commandLine);
    LineSettings line;
    ClientOptions options;
    try {
      line = LineSettings.KMP_DEFAULT.withBaudRate(baud);
      options =
          ClientOptions.defaults()
              .withAddress(address)
              .withTimeout(timeout)
              .withRetries(retries)
              .withLineSettings(line);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
    Transport transport;
    try {
      transport = transports.apply(chosen, line);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
    ExchangeListener listener =
        verbosity() >= 2 ? new FrameTracer(commandLine.getErr()) : new ExchangeListener() {};
    return new KmpClient(transport, options, listener, Clock.systemUTC());
  }

  /** The version from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = KmpTool.class.getResourceAsStream("kmp-tool.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"kmp-tool " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
