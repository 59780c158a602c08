package org.camelkmp.examples.support;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.Optional;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the built-in meter simulator for an example when, and only when, the example's {@code
 * kmp.uri} property points at it: {@code kmp:socket://localhost:<port>} with the port of {@code
 * kmp.simulator.port} (default 20402). Changing {@code kmp.uri} to a real meter ({@code
 * kmp:/dev/ttyUSB0}, {@code kmp:socket://gateway:2002}) is then the one change needed.
 *
 * <pre>{@code
 * Main main = new Main();
 * main.addMainListener(new EmbeddedSimulator());
 * main.run(args);
 * }</pre>
 */
public final class EmbeddedSimulator extends MainListenerSupport {
  /** Port the examples' simulator listens on unless {@code kmp.simulator.port} says otherwise. */
  public static final int DEFAULT_PORT = 20402;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulator.class);
  private MeterSimulator simulator;

  @Override
  public void beforeConfigure(BaseMainSupport main) {
    String kmpUri = property(main, "kmp.uri").orElse("");
    int port = port(main);
    if (!targetsLocalPort(kmpUri, port)) {
      LOG.info("kmp.uri={} is not the embedded simulator: reading the meter there", kmpUri);
      return;
    }
    MeterConfig config = MeterConfig.defaults();
    Optional<String> file = property(main, "kmp.simulator.config");
    if (file.isPresent() && !file.get().isBlank()) {
      try {
        config = MeterConfig.load(java.nio.file.Path.of(file.get()));
      } catch (java.io.IOException e) {
        throw new ExampleStartupException(
            "kmp.simulator.config=" + file.get() + ": " + e.getMessage(), e);
      }
    }
    try {
      simulator = MeterSimulator.builder().meter(config).tcpPort(port).start();
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof BindException)) {
        throw e;
      }
      throw new ExampleStartupException(
          "cannot start the simulated meter on port "
              + port
              + ": another program uses it (another example?); set kmp.simulator.port to a free"
              + " port and kmp.uri to the same port, e.g. kmp.simulator.port="
              + (port + 1)
              + " and kmp.uri=kmp:socket://localhost:"
              + (port + 1),
          e);
    }
    try {
      // stops with the CamelContext, however the application is stopped
      main.getCamelContext()
          .addService(
              new org.apache.camel.support.service.ServiceSupport() {
                @Override
                protected void doStop() {
                  afterStop(main);
                }
              },
              true,
              true);
    } catch (Exception e) {
      simulator.close();
      throw new IllegalStateException("cannot tie the simulator to the Camel context", e);
    }
    LOG.info(
        "embedded simulated MULTICAL 403 (serial {}) on socket://localhost:{}; set kmp.uri to read a real meter",
        config.serialNumber(),
        simulator.tcpPort());
  }

  @Override
  public synchronized void afterStop(BaseMainSupport main) {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  /** Whether the simulator is running. */
  public synchronized boolean isRunning() {
    return simulator != null;
  }

  private static int port(BaseMainSupport main) {
    Optional<String> value = property(main, "kmp.simulator.port").map(String::trim);
    if (value.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ExampleStartupException(
        "kmp.simulator.port="
            + value.get()
            + " is not a TCP port number (0..65535); for example "
            + DEFAULT_PORT);
  }

  static boolean targetsLocalPort(String kmpUri, int port) {
    if (!kmpUri.startsWith("kmp:socket://")) {
      return false;
    }
    try {
      URI uri = URI.create(kmpUri.substring("kmp:".length()));
      String host = uri.getHost();
      return uri.getPort() == port
          && host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<String> property(BaseMainSupport main, String key) {
    return main.getCamelContext().getPropertiesComponent().resolveProperty(key);
  }
}
