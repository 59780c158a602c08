package org.camelkmp.examples.http;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.camelkmp.examples.support.EmbeddedSimulator;
import org.camelkmp.examples.support.ExampleMain;

/**
 * Reads a Kamstrup meter and POSTs every reading as JSON to a URL, with redelivery, a dead-letter
 * directory and its replay. The routes are in {@code routes/kmp-to-http.yaml}, the settings in
 * {@code application.properties}.
 */
public final class KmpToHttpApplication {
  private KmpToHttpApplication() {}

  public static void main(String[] args) {
    ExampleMain.run("kmp-to-http", createMain(), args);
  }

  /**
   * The application, not yet started: checks its settings, then starts the simulated meter and the
   * demo receiver when the settings point at them.
   */
  public static Main createMain() {
    Main main = new Main();
    main.addMainListener(new CheckSettings());
    main.addMainListener(new EmbeddedSimulator());
    main.addMainListener(new EmbeddedReceiver());
    return main;
  }

  /** Refuses bad settings before anything starts and creates the dead-letter directory. */
  static final class CheckSettings extends MainListenerSupport {
    @Override
    public void beforeConfigure(BaseMainSupport main) {
      Settings settings = new Settings(main.getCamelContext());
      settings.kmpUri();
      settings.httpUrl("http.url");
      settings.atLeast("http.connect-timeout", 1);
      settings.atLeast("http.response-timeout", 1);
      settings.atLeast("http.redeliveries", 0);
      settings.atLeast("http.redelivery-delay", 0);
      settings.atLeast("http.replay-delay", 1);
      settings.writableDirectory("http.dead-letter-dir", "dead-letter");
    }
  }
}
