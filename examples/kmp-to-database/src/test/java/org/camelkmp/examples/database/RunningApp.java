package org.camelkmp.examples.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * The application as {@code main} builds it, with test settings on top of application.properties.
 */
final class RunningApp implements AutoCloseable {
  final Main main;

  private RunningApp(Main main) {
    this.main = main;
  }

  /** Starts the application with {@code overrides} on top of its application.properties. */
  static RunningApp start(Map<String, String> overrides) throws Exception {
    Main main = KmpToDatabaseApplication.createMain();
    overrides.forEach(main::addOverrideProperty);
    try {
      main.start();
    } catch (Exception | Error e) {
      main.stop();
      throw e;
    }
    return new RunningApp(main);
  }

  /** Settings that read the embedded simulator quickly on a free port. */
  static Map<String, String> onEmbeddedSimulator() throws IOException {
    int port = freePort();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kmp.simulator.port", String.valueOf(port));
    settings.put("kmp.uri", "kmp:socket://localhost:" + port + "?initialDelay=0");
    settings.put("kmp.delay", "100");
    settings.put("db.redelivery-delay", "20");
    return settings;
  }

  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  @Override
  public void close() {
    main.stop();
  }
}
