package org.camelkmp.examples.file;

import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.examples.support.ExampleRun;

/**
 * {@link KmpToFileApplication} started in-process, with test settings on top of
 * application.properties.
 */
final class RunningApp extends ExampleRun {
  private RunningApp(Main main) {
    super(main);
  }

  /** Starts the application with {@code overrides} on top of its application.properties. */
  static RunningApp start(Map<String, String> overrides) throws Exception {
    return new RunningApp(started(KmpToFileApplication.createMain(), overrides));
  }
}
