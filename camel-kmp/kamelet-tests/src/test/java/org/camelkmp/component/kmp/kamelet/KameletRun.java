package org.camelkmp.component.kmp.kamelet;

import java.util.Map;
import org.apache.camel.main.KameletMain;

/**
 * Starts camel-kamelet-main the way {@code camel run} does: the {@code camel.jbang} instance type,
 * the Kamelets found on the classpath, the given routes and properties. Stopped on close.
 */
final class KameletRun implements AutoCloseable {
  private final KameletMain main = new KameletMain("camel.jbang");

  /**
   * Configures the run; {@code download} false keeps it to the test's classpath (every dependency a
   * route or Kamelet names is already there).
   */
  KameletRun(String routes, Map<String, String> properties, boolean download) {
    main.setDownload(download);
    main.configure().withRoutesIncludePattern(routes);
    properties.forEach(main::addInitialProperty);
  }

  /** Starts Camel; throws what a failing start throws, as {@code camel run} would report it. */
  KameletRun start() throws Exception {
    main.start();
    return this;
  }

  /** The run's main, e.g. for a producer template into its routes. */
  KameletMain main() {
    return main;
  }

  @Override
  public void close() {
    main.stop();
  }
}
