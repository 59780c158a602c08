package org.camelkmp.examples.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.examples.support.EmbeddedSimulator;
import org.camelkmp.examples.support.ExampleMain;

/**
 * Runs the dashboard: reads a meter ({@code kmp.uri}, the embedded simulator by default), stores
 * every register value, serves the page and the JSON API.
 *
 * <p>Properties come from {@code application.properties}; override them with {@code -Dkey=value},
 * environment variables ({@code KMP_URI}) or arguments {@code --key=value}:
 *
 * <pre>{@code java -jar kmp-dashboard.jar --kmp.uri=kmp:/dev/ttyUSB0 --kmp.delay=15m}</pre>
 *
 * Other arguments go to Camel's {@code Main}, such as {@code -d 60} to stop after a minute.
 */
public final class DashboardApp {
  private DashboardApp() {}

  private static final String SERVER_VARIABLES = "CAMEL_SERVER_";

  static final String USAGE =
      """
      Usage: java -jar kmp-dashboard.jar [--key=value ...] [-d SECONDS]

      Reads a Kamstrup meter, stores every register value and serves a page with charts and a
      JSON API. Without options it reads its built-in simulated meter every 5 seconds and serves
      http://localhost:8080/.

        --kmp.uri=URI             the meter: kmp:/dev/ttyUSB0, kmp:COM3 or kmp:socket://gateway:2002
                                  (default kmp:socket://localhost:20402, the built-in simulator)
        --kmp.delay=DURATION      time between reads: default 5s, a demo value; poll a real,
                                  battery-powered meter every 15m or less often
        --kmp.registers=LIST      registers to store (default E1,V1,POWER1,FLOW1,T1,T2)
        --dashboard.db.path=PATH  the H2 database file (default ./kmp-dashboard-data/readings)
        --camel.server.port=PORT  port of the page and API (default 8080)
        --camel.server.host=HOST  localhost (default), or 0.0.0.0 to serve your network
        -d SECONDS                stop after that many seconds

      Every key of application.properties can be set this way, as -Dkey=value before -jar, or
      as an environment variable (KMP_URI, CAMEL_SERVER_PORT).
      """;

  public static void main(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h") || arg.equals("-help")) {
        System.out.print(USAGE);
        return;
      }
    }
    // --key=value arguments are applied by ExampleMain, over these
    Map<String, String> properties = environmentSettings(System.getenv(), System.getProperties());
    ExampleMain.run("kmp-dashboard", create(properties), args);
  }

  /**
   * The web server's settings given as environment variables ({@code CAMEL_SERVER_PORT=8082} for
   * {@code camel.server.port}) where no system property sets them. Camel's main reads only {@code
   * CAMEL_MAIN_*} and {@code CAMEL_COMPONENT_*} style variables for its configuration, so without
   * this the server would bind application.properties' port while the rest of the dashboard read
   * the variable's.
   */
  static Map<String, String> environmentSettings(
      Map<String, String> environment, java.util.Properties systemProperties) {
    Map<String, String> settings = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(SERVER_VARIABLES) && name.length() > SERVER_VARIABLES.length()) {
            String key =
                "camel.server."
                    + name.substring(SERVER_VARIABLES.length())
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-');
            if (systemProperties.getProperty(key) == null) {
              settings.put(key, value);
            }
          }
        });
    return settings;
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
