package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.transport.LineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a simulated KMP meter (a MULTICAL 403 heat meter unless --config says otherwise) on"
          + " a TCP port, as a ser2net gateway would expose a meter, and/or on a serial device"
          + " such as one end of a socat pty pair. Prints where it listens and runs until"
          + " Ctrl-C. Read it with -d socket://HOST:PORT."
    })
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand KmpTool tool;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port to listen on, 0 for any free one.")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Interface to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(
      names = "--serial",
      paramLabel = "PATH",
      description = "Serial device to answer on, such as /dev/pts/3 of a socat pair.")
  String serial;

  @Option(
      names = "--baud",
      paramLabel = "BAUD",
      defaultValue = "1200",
      converter = Converters.Baud.class,
      description =
          "Serial speed (8N2), also the pace of --realtime: 1200 or 2400, as a KMP meter."
              + " Default: ${DEFAULT-VALUE}.")
  int baud;

  @Option(
      names = "--realtime",
      description =
          "Behave in real time: a request counts as received once its bytes could have crossed"
              + " the line, and the answer is sent at the line's speed (about 9 ms a byte at 1200"
              + " baud) after a short think time, as a real meter does.")
  boolean realtime;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Meter configuration, a properties file: serialNumber, meterType, revision, address,"
              + " password, heatEnergy, volume, power, flow, log.hourly.depth,"
              + " register.<id|name>=<value> [unit] or remove, …")
  Path config;

  @Option(
      names = "--serial-number",
      paramLabel = "N",
      description = "The meter's serial number (0..4294967295), over the configuration's.")
  Long serialNumber;

  @Option(names = "--json", description = "Print where it listens as JSON.")
  boolean json;

  /** Counted down to stop the simulator; a test or the shutdown hook does it. */
  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() {
    if (port == null && serial == null) {
      throw usage("give --port N (TCP) and/or --serial PATH to serve the simulated meter on");
    }
    if (port != null && (port < 0 || port > 65_535)) {
      throw usage("--port " + port + " is out of range 0..65535");
    }
    MeterConfig meter = meterConfig();
    MeterSimulator.Builder builder = MeterSimulator.builder().meter(meter).realtime(realtime);
    try {
      builder.lineSettings(LineSettings.KMP_DEFAULT.withBaudRate(baud));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (port != null) {
      builder.tcpPort(port).bindAddress(bindAddress());
    }
    if (serial != null) {
      builder.serialDevice(serial);
    }
    MeterSimulator simulator;
    try {
      simulator = builder.start();
    } catch (UncheckedIOException e) {
      throw new KmpTransportException(
          "cannot listen on " + bind + " TCP port " + port + ": " + e.getCause().getMessage(), e);
    }
    Thread hook = new Thread(stop::countDown, "kmp-tool simulate shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (simulator) {
      announce(simulator, meter);
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running
      }
    }
    return ExitCodes.OK;
  }

  private MeterConfig meterConfig() {
    try {
      MeterConfig meter = config == null ? MeterConfig.defaults() : MeterConfig.load(config);
      if (serialNumber != null) {
        meter = meter.toBuilder().serialNumber(serialNumber).build();
      }
      return meter;
    } catch (IOException e) {
      throw usage("cannot read --config " + config + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage((config != null ? config + ": " : "") + e.getMessage());
    }
  }

  private InetAddress bindAddress() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw usage("--bind " + bind + ": unknown host");
    }
  }

  private void announce(MeterSimulator simulator, MeterConfig meter) {
    PrintWriter out = spec.commandLine().getOut();
    String revision = new GetTypeResponse(meter.meterType(), meter.revision()).revisionText();
    String tcp =
        simulator.tcpServer().isPresent()
            ? "socket://" + hostForUri() + ":" + simulator.tcpPort()
            : null;
    if (json) {
      ObjectNode node = Json.object();
      node.put("device", tcp);
      node.put("tcpPort", tcp == null ? null : simulator.tcpPort());
      node.put("serial", serial);
      node.put("serialNumber", meter.serialNumber());
      node.put("meterType", meter.meterType());
      node.put("meterTypeHex", String.format("0x%04X", meter.meterType()));
      node.put("revision", revision);
      node.put("address", meter.address());
      node.put("realtime", realtime);
      Json.print(out, node);
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "simulated meter: serial number %d, type 0x%04X, revision %s, address 0x%02X%s",
            meter.serialNumber(),
            meter.meterType(),
            revision,
            meter.address(),
            realtime ? ", real-time pacing at " + baud + " baud" : ""));
    if (tcp != null) {
      lines.add("listening on " + tcp + "  (kmp-tool -d " + tcp + " get-type)");
    }
    if (serial != null) {
      lines.add("answering on serial " + serial + " at " + baud + " 8N2");
    }
    lines.add("Ctrl-C stops it");
    lines.forEach(out::println);
    out.flush();
  }

  private String hostForUri() {
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    return "0.0.0.0".equals(bind) ? "localhost" : host;
  }

  /** Stops a running simulator, as Ctrl-C does. */
  void stop() {
    stop.countDown();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
