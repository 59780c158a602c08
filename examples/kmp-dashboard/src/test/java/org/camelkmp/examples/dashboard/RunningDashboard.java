package org.camelkmp.examples.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.kmp.testsupport.FreePorts;

/**
 * The dashboard as {@link DashboardApp} runs it, in this JVM: free ports, its own H2 file in a
 * temporary directory and, unless told otherwise, the embedded simulator polled every 200 ms.
 */
final class RunningDashboard implements AutoCloseable {
  /** Fixed registers of the simulated meter, for exact assertions; the rest vary. */
  static final String SIMULATOR_CONFIG =
      """
      serialNumber=72345678
      register.E1=1234.567 GJ
      register.T2=45.60 °C
      """;

  private final Main main;
  private final int httpPort;
  private final String dbUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningDashboard(Main main, int httpPort, String dbUrl) {
    this.main = main;
    this.httpPort = httpPort;
    this.dbUrl = dbUrl;
  }

  static RunningDashboard start(Path dir) throws Exception {
    return start(dir, Map.of());
  }

  /** Starts with the test defaults, then {@code overrides}. */
  static RunningDashboard start(Path dir, Map<String, String> overrides) throws Exception {
    int httpPort = freePort();
    int simulatorPort = freePort();
    Path config = dir.resolve("meter.properties");
    Files.writeString(config, SIMULATOR_CONFIG);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("camel.server.port", String.valueOf(httpPort));
    properties.put("kmp.simulator.port", String.valueOf(simulatorPort));
    properties.put("kmp.simulator.config", config.toString());
    properties.put("kmp.uri", "kmp:socket://localhost:" + simulatorPort);
    properties.put("kmp.delay", "200");
    properties.put("dashboard.db.path", dir.resolve("db/readings").toString());
    properties.putAll(overrides);
    Main main = DashboardApp.create(properties);
    main.start();
    String dbUrl =
        main.getCamelContext().getPropertiesComponent().resolveProperty("dashboard.db.url").get();
    return new RunningDashboard(main, httpPort, dbUrl);
  }

  static int freePort() {
    return FreePorts.next();
  }

  Main main() {
    return main;
  }

  String baseUrl() {
    return "http://localhost:" + httpPort + "/";
  }

  /** A connection to the dashboard's database, as another user of the same JVM. */
  Connection database() throws SQLException {
    return DriverManager.getConnection(dbUrl, "sa", "");
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    main.stop();
  }
}
