package org.camelkmp.examples.file;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.camelkmp.examples.support.EmbeddedSimulator;
import org.camelkmp.examples.support.ExampleMain;
import org.camelkmp.examples.support.ExampleStartupException;

/**
 * Reads a Kamstrup meter and appends every reading to one file per day, as a JSON line or as CSV
 * rows. The routes are in {@code routes/kmp-to-file.yaml}, the settings in {@code
 * application.properties}.
 */
public final class KmpToFileApplication {
  private KmpToFileApplication() {}

  public static void main(String[] args) {
    ExampleMain.run("kmp-to-file", createMain(), args);
  }

  /** The application, not yet started: checks its settings, then starts the simulator if asked. */
  public static Main createMain() {
    Main main = new Main();
    main.addMainListener(new CheckSettings());
    main.addMainListener(new EmbeddedSimulator());
    return main;
  }

  /**
   * Refuses bad settings before anything starts, creates the output directory and cuts a line torn
   * by a crash off the end of any file there (see {@link LineFiles}).
   */
  static final class CheckSettings extends MainListenerSupport {
    @Override
    public void beforeConfigure(BaseMainSupport main) {
      Settings settings = new Settings(main.getCamelContext());
      settings.kmpUri();
      settings.oneOf("file.format", "jsonl", "csv");
      settings.zone("file.zone");
      Path dir = settings.writableDirectory("file.dir", "readings");
      try {
        LineFiles.repairAll(dir);
      } catch (IOException e) {
        throw new ExampleStartupException("file.dir=" + dir + ": cannot check the files: " + e, e);
      }
    }
  }
}
