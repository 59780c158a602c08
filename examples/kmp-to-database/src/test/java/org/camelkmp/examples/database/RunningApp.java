package org.camelkmp.examples.database;

import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.examples.support.ExampleRun;

/**
 * {@link KmpToDatabaseApplication} started in-process, with test settings on top of
 * application.properties.
 */
final class RunningApp extends ExampleRun {
  private RunningApp(Main main) {
    super(main);
  }

  /** Starts the application with {@code overrides} on top of its application.properties. */
  static RunningApp start(Map<String, String> overrides) throws Exception {
    return new RunningApp(started(KmpToDatabaseApplication.createMain(), overrides));
  }

  /** Settings that read the embedded simulator quickly on a free port, retrying quickly. */
  public static Map<String, String> onEmbeddedSimulator() {
    Map<String, String> settings = ExampleRun.onEmbeddedSimulator();
    settings.put("db.redelivery-delay", "20");
    return settings;
  }
}
