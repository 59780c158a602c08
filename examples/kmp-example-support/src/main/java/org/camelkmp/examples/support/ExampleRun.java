package org.camelkmp.examples.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.kmp.testsupport.FreePorts;

/**
 * An example application started in-process, as its {@code main} builds it, with settings on top of
 * its application.properties: what the examples' tests run. Stopping it stops the embedded
 * simulator too.
 */
public class ExampleRun implements AutoCloseable {
  /** The running application. */
  public final Main main;

  protected ExampleRun(Main main) {
    this.main = main;
  }

  /** Starts {@code main} with {@code overrides} on top of its properties; stops it on failure. */
  protected static Main started(Main main, Map<String, String> overrides) throws Exception {
    overrides.forEach(main::addOverrideProperty);
    try {
      main.start();
    } catch (Exception | Error e) {
      main.stop();
      throw e;
    }
    return main;
  }

  /** Settings that read the embedded simulator quickly on a free port. */
  public static Map<String, String> onEmbeddedSimulator() {
    int port = freePort();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kmp.simulator.port", String.valueOf(port));
    settings.put("kmp.uri", "kmp:socket://localhost:" + port + "?initialDelay=0");
    settings.put("kmp.delay", "100");
    return settings;
  }

  /** A TCP port for the application to bind: see {@link FreePorts}. */
  public static int freePort() {
    return FreePorts.next();
  }

  @Override
  public void close() {
    main.stop();
  }
}
