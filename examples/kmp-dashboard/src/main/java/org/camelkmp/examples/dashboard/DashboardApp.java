package org.camelkmp.examples.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.examples.support.EmbeddedSimulator;

/**
 * Runs the dashboard: reads a meter ({@code kmp.uri}, the embedded simulator by default), stores
 * every register value, serves the page and the JSON API.
 *
 * <p>Properties come from {@code application.properties}; override them with {@code -Dkey=value},
 * environment variables ({@code KMP_URI}) or arguments {@code --key=value}:
 *
 * <pre>{@code java -jar kmp-dashboard.jar --kmp.uri=kmp:/dev/ttyUSB0 --kmp.delay=15m}</pre>
 *
 * Other arguments go to Camel's {@code Main} ({@code -h} lists them).
 */
public final class DashboardApp {
  private DashboardApp() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> camelArgs = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        properties.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        camelArgs.add(arg);
      }
    }
    Main main = create(properties);
    try {
      main.run(camelArgs.toArray(String[]::new));
    } catch (Exception e) {
      // the embedded simulator's threads would keep a failed start alive: exit
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DashboardStartupException) {
          System.err.println("kmp-dashboard: " + t.getMessage());
          System.exit(2);
        }
      }
      System.err.println("kmp-dashboard could not start:");
      e.printStackTrace();
      System.exit(1);
    }
    int exitCode = main.getExitCode();
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * The dashboard's camel-main, not yet started; {@code properties} override {@code
   * application.properties} and system properties.
   */
  public static Main create(Map<String, String> properties) {
    Main main = new Main();
    main.addMainListener(new Dashboard());
    main.addMainListener(new EmbeddedSimulator());
    properties.forEach(main::addOverrideProperty);
    return main;
  }
}
